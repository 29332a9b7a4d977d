// Package timex finds time expressions in English news text and resolves
// them to calendar dates (graph.Date) at the precision they carry.
//
// Find scans a text once, left to right, and returns non-overlapping
// expressions, the longest one at each place, in text order. Words are
// matched case-insensitively on word boundaries. Each expression covers the
// preposition that introduces it ("in", "on", "since", "until", …; see
// Expr.Prep) and its modifiers ("early", "late", "mid-", "the end of",
// "earlier", "later"), which do not change the value: "in early 2023" is
// 2023.
//
// Forms read, with how they resolve against the reference date ref (the
// publication date):
//
//   - Written dates: "January 20, 2025", "20 January 2025", "Jan. 20, 2025",
//     "20th of January 2025", "Friday, Jan. 31, 2025"; ISO "2025-01-20" and
//     "2025/01/20". Numeric day-month orders ("20/01/2025") are not read.
//   - A day or month named without a year ("Sept. 3", "in October", "through
//     June"): the one occurrence in the twelve months that run from eight
//     months before ref's month to three months after it. News reports the
//     past and announces the near future: with ref in March, "in May" and
//     "in June" are this year's, "in July" and "in October" last year's; with
//     ref in January, "in December" is last December.
//   - Month and year: "October 2024", "Oct. 2024", "October of 2024".
//   - Years, only where the words make them years: after a preposition or a
//     modifier ("in 2014", "since 2014", "by 2030", "early 2023", "mid-2014"),
//     after "of" ("the end of 2014"), before a noun after a determiner or
//     possessive ("a 2010 raid", "Russia's 2014 annexation"), in ranges
//     ("2009-2010", "1957-58") and after seasons ("spring 2014"). A
//     four-digit number glued to other digits or signs ("2,000", "$2014",
//     "51-50"), or followed by a lower-case word that goes with counts
//     ("1500 tanks"), is not a year.
//   - "May" and "March" (and month abbreviations) are months only before a
//     day or year or after a preposition or modifier, so the verbs are left.
//   - Weekdays ("Friday", "on Friday morning", "late on Friday"; not "every
//     Friday" or "each Friday", a habit): the most
//     recent such day, ref itself included; in a clause about what is still
//     to come ("will sign on Friday", "said she would begin talks on
//     Monday", "are due to meet on Friday", "is scheduled to visit on
//     Thursday", "is to vote on Friday", "plans to travel on Monday") the
//     first such day from ref on, ref itself included (a paper of Tuesday
//     writing "will meet on Tuesday" means that day, as wires write later
//     the same day). The clause is read back from the weekday to a comma,
//     a relative or subordinate word, an "and" before a new subject, or a
//     participle of its own ("the talks opened on Monday"); "was due to",
//     "would have" and "planned to" are pasts. "last Friday": strictly before
//     ref; "next Friday", "this coming Friday": the first one strictly after
//     ref; "this Friday": the one in ref's Monday-to-Sunday week.
//   - "today", "tonight", "this morning", "yesterday", "last night",
//     "tomorrow", "the day before yesterday", "the day after tomorrow": days.
//     "overnight" (not before a named day: "overnight Sunday" is Sunday),
//     "over the past day", "in the last 24 hours": the reference day.
//   - "last/this/next month" (month), "last/this/next year" (year), "last
//     May" (the latest May before ref's month), "next May" (the first after
//     it), "this May" (ref's year).
//   - "last/this/next week": a week has no date precision, so the value is
//     the month holding the whole Monday-to-Sunday week, or the year when it
//     straddles two months, or nothing when it straddles two years.
//   - "N days/weeks ago" (day), "N months ago" (month), "N years/decades ago"
//     (year), with N a numeral or a number word ("a", "two", …).
//
// Durations and unanchored offsets ("in the past three months", "four
// months after the vote", "a year earlier"), decades ("the 1990s"),
// seasons without a year, fiscal years, holidays and times of day are not
// read.
//
// Kind: "since" and "from" give Since, "until", "till" and "through" give
// Until, anything else Point. In a range ("from 2010 to 2014", "between May
// and July", "2009-2010") the first date is Since and the second Until.
//
// Relative expressions (those that need ref) have Relative set. When ref is
// zero, or less precise than the expression needs (a weekday needs a day),
// they are still returned, with a zero Value.
package timex
