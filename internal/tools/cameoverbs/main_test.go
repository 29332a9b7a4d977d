package main

import (
	"bytes"
	"strings"
	"testing"
)

// fixture is a small dictionary in the PETRARCH2 format, written for this
// test.
const fixture = `# a comment
####### SYNONYM SETS #######

&ENVOY
+AMBASSADOR
+SPECIAL_ENVOY
+CONSUL_

####### VERB PATTERNS #######

---  EXPEL   [174]  ---
EXPEL {EXPELS EXPELLING EXPELLED }  # note
BANISH
+KICK_OUT [1740]
- * &ENVOY                     [161]         # EXPEL
- $ POLICE *  {ALL STAFF} (FROM +)   [174:175]
- * (IN ACCIDENT) [---]
- * (BEFORE COURT) [:173]
- * &UNDEFINED [111]
- * RULE/RULES [080!]

---  RECEIVE   [043:042]  ---
RECEIVE
SCRAP {SCRAPS SCRAPPED};note

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

func TestConvert(t *testing.T) {
	var out, log bytes.Buffer
	if err := convert(strings.NewReader(fixture), &out, &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if !strings.HasPrefix(l, "#") {
			got = append(got, l)
		}
	}
	want := []string{
		"V\t174\t-\texpel\texpel\texpel|expels|expelling|expelled",
		"V\t174\t-\texpel\tbanish\tbanish|banishes|banished|banishing",
		"V\t1740\t-\texpel\tkick out\tkick out|kicks out|kicked out|kicking out",
		"P\t161\t-\texpel\t\t(ambassador|special_envoy|consul)",
		"P\t174\t175\texpel\t$ police\tall_staff from +",
		"P\t---\t-\texpel\t\tin accident",
		"P\t-\t173\texpel\t\tbefore court",
		"P\t080\t-\texpel\t\t(rule|rules)",
		"V\t043\t042\treceive\treceive\treceive|receives|received|receiving",
		"V\t043\t042\treceive\tscrap\tscrap|scraps|scrapped",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("convert wrote\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(log.String(), "&UNDEFINED") {
		t.Errorf("the pattern with an undefined synonym set was not reported: %q", log.String())
	}
}

func TestConvertRejectsHeaderWithoutCode(t *testing.T) {
	in := "####### VERB PATTERNS #######\n--- EXPEL ---\nEXPEL\n"
	if err := convert(strings.NewReader(in), &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("a verb block without a code was accepted")
	}
}
