package simworld

// country is one country of the simulated world: its gazetteer name, the
// adjective the news uses, its capital, its region (which organizations
// it may join) and the roles of its head or heads of government.
type country struct {
	name, demonym, capital, region string
	heads                          []string
}

// Regions decide which organizations a country may belong to.
const (
	europe   = "europe"
	america  = "america"
	africa   = "africa"
	seAsia   = "seasia"
	asia     = "asia"
	midEast  = "mideast"
	oceania  = "oceania"
	presid   = "President"
	premier  = "Prime Minister"
	chancell = "Chancellor"
)

// countries lists every country the world may hold, in a fixed order; a
// world with Options.Countries = n takes the first n.
var countries = []country{
	{"France", "French", "Paris", europe, []string{presid, premier}},
	{"Germany", "German", "Berlin", europe, []string{chancell}},
	{"Italy", "Italian", "Rome", europe, []string{premier}},
	{"Spain", "Spanish", "Madrid", europe, []string{premier}},
	{"Poland", "Polish", "Warsaw", europe, []string{presid, premier}},
	{"Sweden", "Swedish", "Stockholm", europe, []string{premier}},
	{"Finland", "Finnish", "Helsinki", europe, []string{presid, premier}},
	{"Norway", "Norwegian", "Oslo", europe, []string{premier}},
	{"Denmark", "Danish", "Copenhagen", europe, []string{premier}},
	{"Netherlands", "Dutch", "Amsterdam", europe, []string{premier}},
	{"Portugal", "Portuguese", "Lisbon", europe, []string{presid, premier}},
	{"Greece", "Greek", "Athens", europe, []string{premier}},
	{"Romania", "Romanian", "Bucharest", europe, []string{presid}},
	{"Hungary", "Hungarian", "Budapest", europe, []string{premier}},
	{"Czech Republic", "Czech", "Prague", europe, []string{premier}},
	{"Austria", "Austrian", "Vienna", europe, []string{chancell}},
	{"Ireland", "Irish", "Dublin", europe, []string{premier}},
	{"Estonia", "Estonian", "Tallinn", europe, []string{premier}},
	{"Latvia", "Latvian", "Riga", europe, []string{premier}},
	{"Lithuania", "Lithuanian", "Vilnius", europe, []string{presid}},
	{"Croatia", "Croatian", "Zagreb", europe, []string{premier}},
	{"Slovakia", "Slovak", "Bratislava", europe, []string{premier}},
	{"Ukraine", "Ukrainian", "Kyiv", europe, []string{presid}},
	{"Turkey", "Turkish", "Ankara", europe, []string{presid}},
	{"Canada", "Canadian", "Ottawa", america, []string{premier}},
	{"Mexico", "Mexican", "Mexico City", america, []string{presid}},
	{"Brazil", "Brazilian", "Brasilia", america, []string{presid}},
	{"Argentina", "Argentine", "Buenos Aires", america, []string{presid}},
	{"Colombia", "Colombian", "Bogota", america, []string{presid}},
	{"Peru", "Peruvian", "Lima", america, []string{presid}},
	{"Uruguay", "Uruguayan", "Montevideo", america, []string{presid}},
	{"Ecuador", "Ecuadorian", "Quito", america, []string{presid}},
	{"Kenya", "Kenyan", "Nairobi", africa, []string{presid}},
	{"Nigeria", "Nigerian", "Abuja", africa, []string{presid}},
	{"Ghana", "Ghanaian", "Accra", africa, []string{presid}},
	{"Ethiopia", "Ethiopian", "Addis Ababa", africa, []string{premier}},
	{"Senegal", "Senegalese", "Dakar", africa, []string{presid}},
	{"Egypt", "Egyptian", "Cairo", africa, []string{presid}},
	{"Morocco", "Moroccan", "Rabat", africa, []string{premier}},
	{"Tanzania", "Tanzanian", "Dodoma", africa, []string{presid}},
	{"Uganda", "Ugandan", "Kampala", africa, []string{presid}},
	{"Rwanda", "Rwandan", "Kigali", africa, []string{presid}},
	{"Zambia", "Zambian", "Lusaka", africa, []string{presid}},
	{"Angola", "Angolan", "Luanda", africa, []string{presid}},
	{"Indonesia", "Indonesian", "Jakarta", seAsia, []string{presid}},
	{"Malaysia", "Malaysian", "Kuala Lumpur", seAsia, []string{premier}},
	{"Thailand", "Thai", "Bangkok", seAsia, []string{premier}},
	{"Vietnam", "Vietnamese", "Hanoi", seAsia, []string{premier}},
	{"Philippines", "Filipino", "Manila", seAsia, []string{presid}},
	{"Cambodia", "Cambodian", "Phnom Penh", seAsia, []string{premier}},
	{"Japan", "Japanese", "Tokyo", asia, []string{premier}},
	{"South Korea", "South Korean", "Seoul", asia, []string{presid}},
	{"India", "Indian", "New Delhi", asia, []string{premier}},
	{"Pakistan", "Pakistani", "Islamabad", asia, []string{premier}},
	{"Bangladesh", "Bangladeshi", "Dhaka", asia, []string{premier}},
	{"Kazakhstan", "Kazakh", "Astana", asia, []string{presid}},
	{"Mongolia", "Mongolian", "Ulaanbaatar", asia, []string{presid}},
	{"Iraq", "Iraqi", "Baghdad", midEast, []string{premier}},
	{"Lebanon", "Lebanese", "Beirut", midEast, []string{premier}},
	{"Australia", "Australian", "Canberra", oceania, []string{premier}},
	{"New Zealand", "New Zealander", "Wellington", oceania, []string{premier}},
}

// org is one organization: its gazetteer name, the role of its head (empty
// when the world gives it none), the regions its members come from (all
// when nil), countries of other regions it takes and countries of its
// regions it does not, and the year it was founded.
type org struct {
	name, head     string
	regions        []string
	extra, exclude []string
	founded        int
}

// orgs lists the organizations of the world.
var orgs = []org{
	{"NATO", "Secretary General", []string{europe}, []string{"Canada"}, []string{"Ukraine", "Austria", "Ireland"}, 1949},
	{"European Union", "", []string{europe}, nil, []string{"Ukraine", "Turkey", "Norway"}, 1958},
	{"United Nations", "Secretary-General", nil, nil, nil, 1945},
	{"ASEAN", "Secretary-General", []string{seAsia}, nil, nil, 1967},
	{"African Union", "Chairperson", []string{africa}, nil, nil, 2002},
	{"OSCE", "Secretary General", []string{europe}, []string{"Canada", "Kazakhstan", "Mongolia"}, nil, 1975},
}

// ministries are the posts every country fills, as the gazetteer names
// them, and how articles write them.
var ministries = []struct{ office, phrase string }{
	{"Foreign Minister", "foreign minister"},
	{"Defense Minister", "defence minister"},
}

// givenNames are first names the gazetteer knows (with a gender), so the
// extractor reads "<given> <surname>" as a person.
var givenNames = []string{
	"Aaron", "Adam", "Alberto", "Anders", "Andrei", "Anton", "Arthur", "Bruno", "Carlos", "Daniel",
	"David", "Erik", "Felix", "Fernando", "Francesco", "Gabriel", "Henry", "Hugo", "Ibrahim", "Igor",
	"Ivan", "Jacob", "Jonathan", "Jorge", "Karl", "Kenji", "Klaus", "Lars", "Lorenzo", "Luca",
	"Marco", "Marek", "Martin", "Matteo", "Michel", "Miguel", "Nathan", "Omar", "Pablo", "Paolo",
	"Patrick", "Pavel", "Pedro", "Peter", "Rafael", "Samuel", "Stefan", "Thomas", "Viktor", "Walter",
	"Agnieszka", "Angela", "Maria", "Anna", "Elena", "Marta", "Julia", "Laura", "Fatima", "Ewa",
	"Katarina", "Leila", "Irene", "Sarah", "Grace", "Teresa",
}

// Surnames are made of these parts, so that they are invented, unique in a
// world and never a word of the gazetteer.
var (
	surnameHeads = []string{"Bar", "Cal", "Dor", "Fen", "Gal", "Hal", "Kar", "Lom", "Mar", "Nov",
		"Pel", "Ros", "Sal", "Tor", "Val", "Ver", "Wes", "Zan", "Bren", "Dal", "Kest", "Lind", "Mor", "Ost"}
	surnameMids  = []string{"a", "e", "i", "o", "u", "an", "el", "in", "or", "er"}
	surnameTails = []string{"vic", "sen", "ari", "dez", "berg", "mura", "ski", "ston", "ova", "elli", "ant", "quist", "enko", "adu", "ez"}
)

// noise are sentences that state no fact.
var noise = []string{
	"Officials said the talks would continue next month.",
	"Markets were calm after the announcement.",
	"Analysts said the outcome was largely expected.",
	"Details of the discussions were not made public.",
	"The statement gave no further details.",
	"Protesters gathered outside the venue during the afternoon.",
	"Trade between the two countries has grown steadily over the past decade.",
	"Diplomats described the mood as constructive.",
	"Opposition lawmakers called for a debate in parliament.",
	"The issue is expected to come up again at a summit later this year.",
}

// topics are what meetings, calls and agreements are about.
var topics = []string{"energy cooperation", "trade", "security", "migration", "climate policy",
	"infrastructure investment", "defence procurement", "fisheries", "digital trade", "health cooperation"}
