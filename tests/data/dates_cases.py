#!/usr/bin/env python3
"""Writes tests/data/dates_cases.tsv: the date-resolution table.

An independent re-statement of the conventions in docs/dates.md (Python
datetime, not the C++ resolver), applied to short sentences written for this
table. Columns: sentence, pub_date, date_text, date_start, date_end,
date_precision, alternative. date_text "-" means no time expression may be
found. Regenerate (needs python3-convertdate for the Hebrew calendar):
/usr/bin/python3 tests/data/dates_cases.py > tests/data/dates_cases.tsv
"""
import calendar
import datetime as dt
import sys

D = dt.date
REFS = [D(2022, 8, 18), D(2023, 1, 2), D(2024, 2, 29), D(2023, 3, 1), D(2022, 12, 31),
        D(2024, 3, 3), D(2021, 1, 31), D(2020, 3, 2), D(2019, 6, 5), D(2025, 11, 14)]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
         8: "eight", 9: "nine", 10: "ten", 12: "twelve", 24: "twenty-four", 21: "twenty-one"}
rows = []


def iso(d):
    return d.isoformat() if d else ""


def add(sentence, ref, text, start, end, prec, alt=""):
    rows.append((sentence, iso(ref), text, iso(start), iso(end), prec, alt))


def monday(d):
    return d - dt.timedelta(days=d.weekday())


def month_end(y, m):
    return D(y, m, calendar.monthrange(y, m)[1])


def add_months(d, n):
    t = d.year * 12 + d.month - 1 + n
    y, m = divmod(t, 12)
    return D(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def days(n):
    return dt.timedelta(days=n)


for ref in REFS:
    # Deictic days.
    add("A bridge was hit yesterday.", ref, "yesterday", ref - days(1), ref - days(1), "day")
    add("The mayor spoke today.", ref, "today", ref, ref, "day")
    add("The envoy lands tomorrow.", ref, "tomorrow", ref + days(1), ref + days(1), "day")
    add("Drones struck a depot overnight.", ref, "overnight", ref - days(1), ref, "range")
    add("SNIPERS OPENED FIRE LAST NIGHT.", ref, "LAST NIGHT", ref - days(1), ref - days(1), "day")
    add("SHOTS WERE HEARD YESTERDAY AFTERNOON.", ref, "YESTERDAY AFTERNOON", ref - days(1),
        ref - days(1), "day")
    # Weekdays.
    for i, w in enumerate(WD):
        back = (ref.weekday() - i) % 7
        d = ref - days(back)
        add(f"Rockets fell on the port on {w}.", ref, f"on {w}", d, d, "day")
        fwd = (i - ref.weekday()) % 7
        d = ref + days(fwd)
        add(f"The council will vote on {w}.", ref, f"on {w}", d, d, "day")
        last = monday(ref) - days(7) + days(i)
        recent = ref - days(back or 7)
        add(f"A convoy was ambushed last {w}.", ref, f"last {w}", last, last, "day",
            "" if recent == last else iso(recent))
        nxt = monday(ref) + days(7 + i)
        upcoming = ref + days(fwd or 7)
        add(f"Inspectors arrive next {w}.", ref, f"next {w}", nxt, nxt, "day",
            "" if upcoming == nxt else iso(upcoming))
        if i in (1, 4):
            add(f"Flares lit the sky {w} night.", ref, f"{w} night", ref - days(back),
                ref - days(back), "day")
            add(f"ON {w.upper()} GUERRILLAS CUT THE ROAD.", ref, f"ON {w.upper()}",
                ref - days(back), ref - days(back), "day")
    # Weeks, months, years.
    m = monday(ref)
    add("Two depots burned last week.", ref, "last week", m - days(7), m - days(1), "week")
    add("The line held this week.", ref, "this week", m, m + days(6), "week")
    add("Reinforcements are due next week.", ref, "next week", m + days(7), m + days(13), "week")
    lm = add_months(D(ref.year, ref.month, 1), -1)
    add("Fuel ran out last month.", ref, "last month", lm, month_end(lm.year, lm.month), "month")
    add("Ten villages were shelled this month.", ref, "this month", D(ref.year, ref.month, 1),
        month_end(ref.year, ref.month), "month")
    add("The pact was signed last year.", ref, "last year", D(ref.year - 1, 1, 1),
        D(ref.year - 1, 12, 31), "year")
    add("Losses rose this year.", ref, "this year", D(ref.year, 1, 1), D(ref.year, 12, 31), "year")
    add("The army regrouped earlier this week.", ref, "earlier this week", m,
        max(m, ref - days(1)), "range")
    add("A general was sacked earlier this month.", ref, "earlier this month",
        D(ref.year, ref.month, 1), max(D(ref.year, ref.month, 1), ref - days(1)), "range")
    # Ago / spans.
    for n in (2, 3, 9, 24):
        for form in (str(n), WORDS[n]):
            d = ref - days(n)
            add(f"The town was retaken {form} days ago.", ref, f"{form} days ago", d, d, "day")
            add(f"Nine raids were logged over the last {form} days.", ref,
                f"over the last {form} days", ref - days(n), ref, "range")
    add("Nothing moved in the past 24 hours.", ref, "in the past 24 hours", ref - days(1), ref,
        "range")
    d = ref - days(14)
    add("The airport shut two weeks ago.", ref, "two weeks ago", monday(d), monday(d) + days(6),
        "week", iso(d))
    d = add_months(ref, -3)
    add("A ship sank three months ago.", ref, "three months ago", D(d.year, d.month, 1),
        month_end(d.year, d.month), "month", iso(d))
    add("Prices doubled over the past year.", ref, "over the past year", add_months(ref, -12),
        ref, "range")
    add("Desertions grew in recent weeks.", ref, "in recent weeks", ref - days(28), ref, "range")
    add("Strikes may resume in coming weeks.", ref, "in coming weeks", ref + days(1),
        ref + days(28), "range")
    add("The truce will start in two days.", ref, "in two days", ref + days(2), ref + days(2),
        "day")
    add("Crews worked for three days.", ref, "for three days", ref - days(2), ref, "range")
    add("Water has been cut since February.", ref, "since February",
        D(ref.year if ref.month >= 2 else ref.year - 1, 2, 1), ref, "range")
    add("Sixty raids were logged since the start of the year.", ref,
        "since the start of the year", D(ref.year, 1, 1), ref, "range")
    add("The base was quiet until this month.", ref, "until this month", None, ref, "range")
    add("The city should fall by the end of the year.", ref, "by the end of the year", ref,
        D(ref.year, 12, 31), "range")
    add("Protesters gathered from Monday to Wednesday.", ref, "from Monday to Wednesday",
        ref - days((ref.weekday() - 2) % 7) - days(2), ref - days((ref.weekday() - 2) % 7),
        "range")
    # Months without a year: the pub year, or the year before when that is after pub.
    for mi in (1, 3, 6, 8, 12):
        name = MONTHS[mi - 1]
        y = ref.year if D(ref.year, mi, 1) <= ref else ref.year - 1
        add(f"Aid stopped in {name}.", ref, f"in {name}", D(y, mi, 1), month_end(y, mi), "month")
        y = ref.year if D(ref.year, mi, 3) <= ref else ref.year - 1
        add(f"The dam burst on {name} 3.", ref, f"on {name} 3", D(y, mi, 3), D(y, mi, 3), "day")
        add(f"The dam burst on 3 {name}.", ref, f"on 3 {name}", D(y, mi, 3), D(y, mi, 3), "day")
        y = ref.year if month_end(ref.year, mi) >= ref else ref.year + 1
        add(f"Elections will be held in {name}.", ref, f"in {name}", D(y, mi, 1),
            month_end(y, mi), "month")
    # Seasons.
    sp = ref.year if D(ref.year, 3, 1) <= ref else ref.year - 1
    add("The offensive began this spring.", ref, "this spring", D(sp, 3, 1), D(sp, 5, 31),
        "range")

# Shapes added by h-dateset (held-out batch 1 failures), per reference date.
for ref in REFS:
    # "midweek": Wednesday-Thursday, the last one ending on or before pub
    # (past), the next starting on or after pub (future).
    thu = ref - days((ref.weekday() - 3) % 7)
    add("Fighting eased midweek, residents said.", ref, "midweek", thu - days(1), thu, "range")
    wed = ref + days((2 - ref.weekday()) % 7)
    add("Talks will resume midweek.", ref, "midweek", wed, wed + days(1), "range")
    # Abbreviated weekday with a period (AP style): the most recent one.
    tue = ref - days((ref.weekday() - 1) % 7)
    add("A post was hit Tues. night.", ref, "Tues. night", tue, tue, "day")
    # "the early hours of <weekday>" after "until": open start .. that day.
    mon = ref - days(ref.weekday())
    add("The lull lasted until the early hours of Monday.", ref,
        "until the early hours of Monday", None, mon, "range")
    # "N weeks from today": the exact day; "N years from now": that year.
    add("Two weeks from today the polls will open.", ref, "Two weeks from today",
        ref + days(14), ref + days(14), "day")
    add("Two years from now the mine will be exhausted.", ref, "Two years from now",
        D(ref.year + 2, 1, 1), D(ref.year + 2, 12, 31), "year", iso(add_months(ref, 24)))
    # "twenty years ago this month": that month twenty years back.
    add("Twenty years ago this month, the treaty was signed.", ref,
        "Twenty years ago this month", D(ref.year - 20, ref.month, 1),
        month_end(ref.year - 20, ref.month), "month")
    # "a year to the day": the day a year back (28 February for a leap day).
    back = D(ref.year - 1, ref.month, min(ref.day, calendar.monthrange(ref.year - 1, ref.month)[1]))
    add("It is a year to the day since the dam collapsed.", ref, "a year to the day", back, back,
        "day")
    # "the turn of the year" (past): 21 December .. 10 January, the last such
    # span starting on or before pub.
    y0 = ref.year if D(ref.year, 12, 21) <= ref else ref.year - 1
    add("At the turn of the year, the front barely moved.", ref, "At the turn of the year",
        D(y0, 12, 21), D(y0 + 1, 1, 10), "range")
    # Two-digit decades: one that has begun ("the 20s" read in 2019 = the 1920s).
    dec = 2020 if ref.year >= 2020 else 1920
    add("Jazz boomed in the 20s.", ref, "in the 20s", D(dec, 1, 1), D(dec + 9, 12, 31), "range")
    # "by the 15th" in a past sentence: a deadline, open start .. the 15th of
    # the pub month (the month before when that is after pub).
    d15 = D(ref.year, ref.month, 15)
    if d15 > ref:
        d15 = D(ref.year - (ref.month == 1), 12 if ref.month == 1 else ref.month - 1, 15)
    add("By the 15th, the river had burst its banks.", ref, "By the 15th", None, d15, "range")
    # "early in September": early September, the year inferred (past).
    y = ref.year if D(ref.year, 9, 1) <= ref else ref.year - 1
    add("The rains came early in September.", ref, "early in September", D(y, 9, 1),
        D(y, 9, 10), "range")

# Anaphora and ranges added by h-dateset (reference date barely matters).
ref = D(2023, 4, 28)
add("Troops entered the town on 12 March. The previous evening, its mayor had fled.", ref,
    "The previous evening", D(2023, 3, 11), D(2023, 3, 11), "day")
add("The dam burst on 6 March. Within hours, villages downstream were flooded.", ref,
    "Within hours", D(2023, 3, 6), D(2023, 3, 6), "day")
add("Rebels shelled the port on 3 April and hours later seized the pier.", ref, "hours later",
    D(2023, 4, 3), D(2023, 4, 3), "day")
add("From January through March, exports collapsed.", ref, "From January through March",
    D(2023, 1, 1), D(2023, 3, 31), "range")
add("The rebels held the town from 2016 until early 2018.", ref, "from 2016 until early 2018",
    D(2016, 1, 1), D(2018, 4, 30), "range")
add("Prices rose from late 2019 to 2021.", ref, "from late 2019 to 2021", D(2019, 9, 1),
    D(2021, 12, 31), "range")
add("Late in 2019 the company moved its offices.", ref, "Late in 2019", D(2019, 9, 1),
    D(2019, 12, 31), "range")
add("They have not been seen since the night of 12 April.", ref, "since the night of 12 April",
    D(2023, 4, 12), ref, "range")
add("Between Christmas and New Year, the front was quiet.", D(2025, 1, 1),
    "Between Christmas and New Year", D(2024, 12, 25), D(2025, 1, 1), "range")
add("The language recalled Germany in the 30s.", ref, "in the 30s", D(1930, 1, 1),
    D(1939, 12, 31), "range")
# After held-out batch 2.
add("On Christmas Eve 2019 a drone hit the station.", ref, "On Christmas Eve 2019",
    D(2019, 12, 24), D(2019, 12, 24), "day")
add("Around Christmas, the shelling eased.", ref, "Around Christmas", D(2022, 12, 25),
    D(2022, 12, 25), "day")
add("The minister flew to Ankara on Weds. for talks.", ref, "on Weds.", D(2023, 4, 26),
    D(2023, 4, 26), "day")
add("Officials will finish the work by the end of the summer.", ref,
    "by the end of the summer", ref, D(2023, 8, 31), "range")
add("The 2008 crash wiped out savings.", ref, "2008", D(2008, 1, 1), D(2008, 12, 31), "year")
# After held-out batch 3.
add("In the last quarter of 2021, growth slowed.", ref, "In the last quarter of 2021",
    D(2021, 10, 1), D(2021, 12, 31), "range")
add("The rains returned in late spring.", D(2023, 8, 1), "in late spring", D(2023, 5, 1),
    D(2023, 5, 31), "range")
add("Early this summer, wildfires broke out in the south.", D(2020, 8, 14), "Early this summer",
    D(2020, 6, 1), D(2020, 6, 30), "range")

# Absolute dates (reference date barely matters).
# After held-out batch 4 (h-dateset2).
add("Celebrations on Orthodox Easter were muted.", D(2023, 5, 10), "on Orthodox Easter",
    D(2023, 4, 16), D(2023, 4, 16), "day")
add("Travel surged on Thanksgiving Day.", D(2021, 11, 26), "on Thanksgiving Day",
    D(2021, 11, 25), D(2021, 11, 25), "day")
add("Half a century ago, the coup toppled the king.", D(2026, 10, 7), "Half a century ago",
    D(1976, 1, 1), D(1976, 12, 31), "year", "1976-10-07")
add("Revenue for fiscal 2023 reached $4.2bn.", D(2024, 6, 9), "for fiscal 2023",
    D(2023, 1, 1), D(2023, 12, 31), "year")
add("The striker scored 31 goals in the 2022-23 season.", D(2023, 4, 5),
    "in the 2022-23 season", D(2022, 7, 1), D(2023, 6, 30), "range")
add("Results for the 2023-24 financial year were weak.", D(2024, 6, 9),
    "for the 2023-24 financial year", D(2023, 4, 1), D(2024, 3, 31), "range")
add("The year 2022 was the deadliest.", D(2023, 1, 5), "The year 2022", D(2022, 1, 1),
    D(2022, 12, 31), "year")
add("The reforms of the nineties failed.", D(2026, 10, 7), "the nineties", D(1990, 1, 1),
    D(1999, 12, 31), "range")
add("The mill closed in the late nineteen-eighties.", D(2026, 10, 7),
    "in the late nineteen-eighties", D(1987, 1, 1), D(1989, 12, 31), "range")
# "on the 12th" without tense: the nearest such day (a later one counting double)
add("Talks resume on the 12th.", D(2026, 10, 7), "on the 12th", D(2026, 10, 12),
    D(2026, 10, 12), "day")
add("Voting ends on the 28th.", D(2026, 10, 3), "on the 28th", D(2026, 9, 28),
    D(2026, 9, 28), "day")
add("Ministers hope to sign the deal on Friday.", D(2026, 10, 7), "on Friday",
    D(2026, 10, 9), D(2026, 10, 9), "day")
add("Negotiators intend to meet on Monday.", D(2026, 10, 7), "on Monday", D(2026, 10, 12),
    D(2026, 10, 12), "day")
add("The drought has lasted since the spring of 2026.", D(2028, 2, 29),
    "since the spring of 2026", D(2026, 3, 1), D(2028, 2, 29), "range")
add("By next spring we will have 200 stores.", D(2025, 5, 21), "By next spring",
    D(2025, 5, 21), D(2026, 5, 31), "range")
add("A decade on, the scars are still here.", D(2025, 8, 25), "A decade on", D(2025, 8, 25),
    D(2025, 8, 25), "day")
for s in ["The Monday Club held its annual dinner.", "Both men were in their thirties.",
          "The Easter Rising is taught in schools.",
          "The film opened over the five-day Thanksgiving holiday."]:
    add(s, D(2026, 10, 7), "-", None, None, "none")

ref = D(2022, 8, 18)
for y, mo, d in [(2022, 7, 3), (2021, 12, 31), (2024, 2, 29), (2023, 3, 1), (1989, 11, 16),
                 (2020, 1, 1), (2019, 10, 30)]:
    day = D(y, mo, d)
    name = MONTHS[mo - 1]
    add(f"The convoy was hit on {name} {d}, {y}.", ref, f"on {name} {d}, {y}", day, day, "day")
    add(f"The convoy was hit on {d} {name} {y}.", ref, f"on {d} {name} {y}", day, day, "day")
    add(f"A memo dated {day.isoformat()} leaked.", ref, day.isoformat(), day, day, "day")
    add(f"ON {d} {name[:3].upper()} {y % 100:02d} REBELS ATTACKED.", D(y, mo, d) + days(5),
        f"ON {d} {name[:3].upper()} {y % 100:02d}", day, day, "day")
    add(f"The base was built in {name} {y}.", ref, f"in {name} {y}", D(y, mo, 1),
        month_end(y, mo), "month")
    alt = ""
    if d <= 12 and d != mo:
        alt = D(y, d, mo).isoformat()
    add(f"A note dated {d}/{mo}/{y} was found.", ref, f"{d}/{mo}/{y}", day, day, "day", alt)
for y in (1999, 2014, 2021):
    add(f"Moscow took the peninsula in {y}.", ref, f"in {y}", D(y, 1, 1), D(y, 12, 31), "year")
for dec in (1970, 1990, 2000):
    add(f"The jets were built in the {dec}s.", ref, f"in the {dec}s", D(dec, 1, 1),
        D(dec + 9, 12, 31), "range")
for which, a, b in [("early", 1, 10), ("mid", 11, 20), ("late", 21, 31)]:
    add(f"The siege eased in {which} March.", ref, f"in {which} March", D(2022, 3, a),
        D(2022, 3, b), "range")
add("The plant closed in mid-2021.", ref, "in mid-2021", D(2021, 5, 1), D(2021, 8, 31), "range")
add("Evacuations peaked in the first week of May.", ref, "in the first week of May",
    D(2022, 5, 1), D(2022, 5, 7), "week")
add("Exports fell in Q3 2022.", ref, "in Q3 2022", D(2022, 7, 1), D(2022, 9, 30), "range")
add("Rain fell between 3 and 5 March.", ref, "between 3 and 5 March", D(2022, 3, 3),
    D(2022, 3, 5), "range")
add("Raids were reported March 3-5.", ref, "March 3-5", D(2022, 3, 3), D(2022, 3, 5), "range")
add("A depot burned on 9 August; the day before, drones were seen.", ref, "on 9 August",
    D(2022, 8, 9), D(2022, 8, 9), "day")

# Shapes added by h-dates6 (held-out batch 6), per reference date.
for pub in REFS:
    # A schedule verb in the present or after "to" with no past verb: the
    # weekday looks ahead (first such day on or after pub); a past verb in
    # the clause keeps the past.
    fri_next = pub + days((4 - pub.weekday()) % 7)
    fri_last = pub - days((pub.weekday() - 4) % 7)
    add("The trial opens on Friday.", pub, "on Friday", fri_next, fri_next, "day")
    add("Peace talks to resume on Friday", pub, "on Friday", fri_next, fri_next, "day")
    add("Kick-off is at 3pm on Friday.", pub, "on Friday", fri_next, fri_next, "day")
    add("Police say the fire started on Friday.", pub, "on Friday", fri_last, fri_last, "day")
    add("Two soldiers killed on Friday in border clash", pub, "on Friday", fri_last, fri_last,
        "day")
    # "in two weeks" with a schedule verb: the week of pub + 14.
    w = monday(pub + days(14))
    add("Parliament sits again in two weeks.", pub, "in two weeks", w, w + days(6), "week",
        iso(pub + days(14)))
    # Trailing windows: the n months ending with the month's last occurrence
    # on or before pub (the sentence is past).
    mi = 2
    y = pub.year if month_end(pub.year, mi) <= pub else pub.year - 1
    add("Prices rose 3% in the 12 months to February.", pub, "the 12 months to February",
        D(y - 1, 3, 1), month_end(y, 2), "range")
    # A yearless day after "until" in a past sentence: the occurrence nearest
    # pub, a later one counting double (as a deadline after "by"); open start.
    for ahead in (5, -20):
        d = pub + days(ahead)
        add(f"The curfew was extended until {d.day} {MONTHS[d.month - 1]}.", pub,
            f"until {d.day} {MONTHS[d.month - 1]}", None, d, "range")

# Shapes added by h-dates8 (held-out batches 8 and 9), per reference date.
# Lunar New Year (the Chinese calendar's first day) as published tables give it.
LNY = {2018: D(2018, 2, 16), 2019: D(2019, 2, 5), 2020: D(2020, 1, 25), 2021: D(2021, 2, 12),
       2022: D(2022, 2, 1), 2023: D(2023, 1, 22), 2024: D(2024, 2, 10), 2025: D(2025, 1, 29),
       2026: D(2026, 2, 17), 2027: D(2027, 2, 6)}
try:
    from convertdate import holidays as hebrew_holidays  # Debian python3-convertdate
except ImportError:
    # Without it the Passover rows would be left out and the table would
    # shrink silently: refuse instead.
    sys.exit("dates_cases.py: needs the convertdate module (Debian python3-convertdate; "
             "run with /usr/bin/python3)")


def nearest(pub, spans):
    """The span nearest pub (containing it: 0), a later one counting double."""
    def dist(se):
        s, e = se
        return 2 * (s - pub).days if pub < s else ((pub - e).days if e < pub else 0)
    return min(spans, key=dist)


for pub in REFS:
    sat = monday(pub) + days(5 if pub.weekday() < 5 else 12)
    add("Talks will continue over the coming weekend.", pub, "over the coming weekend", sat,
        sat + days(1), "range")
    add("The storm is expected to ease by the weekend.", pub, "by the weekend", pub,
        monday(pub) + days(6), "range")
    fri_next = pub + days((4 - pub.weekday()) % 7)
    add("The anniversary falls on Friday.", pub, "on Friday", fri_next, fri_next, "day")
    add("A vote is set for 3pm on Friday.", pub, "on Friday", fri_next, fri_next, "day")
    y = pub.year if D(pub.year, 11, 11) <= pub else pub.year - 1
    add("Drones attacked the city on the eve of 11 November.", pub, "on the eve of 11 November",
        D(y, 11, 10), D(y, 11, 10), "day")
    add("The games open in less than two weeks.", pub, "in less than two weeks", pub,
        pub + days(14), "range")
    # Bare "Christmas" as the object of "spent"; "the eve of the new year" (past).
    y = pub.year if D(pub.year, 12, 25) <= pub else pub.year - 1
    add("The family spent Christmas at home.", pub, "spent Christmas", D(y, 12, 25),
        D(y, 12, 25), "day")
    y = pub.year if D(pub.year, 12, 31) <= pub else pub.year - 1
    add("Missiles struck the capital on the eve of the new year.", pub,
        "on the eve of the new year", D(y, 12, 31), D(y, 12, 31), "day")
    d = nearest(pub, [(LNY[y], LNY[y]) for y in (pub.year - 1, pub.year, pub.year + 1)])[0]
    add("Markets were shut for Lunar New Year.", pub, "for Lunar New Year", d, d, "day")
    spans = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        first = D(*hebrew_holidays.passover(y))  # 15 Nisan; the feast from its eve
        spans.append((first - days(1), first + days(7)))
    s, e = nearest(pub, spans)
    add("The families marked Passover without their relatives.", pub, "Passover", s, e,
        "range")
ref = D(2026, 12, 3)
add("Shops stayed open late during Ramadan 2024.", ref, "during Ramadan 2024", D(2024, 3, 11),
    D(2024, 4, 9), "range")
add("Pilgrims prayed at Arafat before Eid al-Adha 2023.", ref, "Eid al-Adha 2023",
    D(2023, 6, 28), D(2023, 6, 28), "day")
add("Prisoners were freed for Eid al-Fitr 2025.", ref, "for Eid al-Fitr 2025", D(2025, 3, 30),
    D(2025, 3, 30), "day")
add("The city was lit up on Diwali 2022.", ref, "on Diwali 2022", D(2022, 10, 24),
    D(2022, 10, 24), "day")
add("Candles were lit in the square during Hanukkah 2024.", ref, "during Hanukkah 2024",
    D(2024, 12, 25), D(2025, 1, 2), "range")
add("The country came to a halt on Yom Kippur 2022.", ref, "on Yom Kippur 2022", D(2022, 10, 5),
    D(2022, 10, 5), "day")
# The n-th weekend of a month: its n-th Saturday and the Sunday after it.
add("The festival was held over the last weekend of June 2024.", ref,
    "over the last weekend of June 2024", D(2024, 6, 29), D(2024, 6, 30), "range")
add("Skiers crowded the slopes on the first weekend of March 2026.", ref,
    "on the first weekend of March 2026", D(2026, 3, 7), D(2026, 3, 8), "range")
add("The town was besieged by the army in June 1812.", ref, "in June 1812", D(1812, 6, 1),
    D(1812, 6, 30), "month")
for s in ["Eid prayers were held in the square.", "Veterans of the Yom Kippur War marched.",
          "Man Friday is the hero of the story.", "She ran the course in under three hours.",
          "Mediators proposed a Ramadan truce.", "Leaders met on the eve of the summit."]:
    add(s, ref, "-", None, None, "none")

# Shapes added by h-dates10 (held-out batch 10: war, wire, markets, live blogs), per
# reference date.
for pub in REFS:
    # Clock time before a weekday in one sentence ("a.m." does not end it).
    fri_next = pub + days((4 - pub.weekday()) % 7)
    add("The pause is set to begin at 7 a.m. Friday, officials said.", pub, "Friday", fri_next,
        fri_next, "day")
    # A weekday as the subject of a present verb; "saw" keeps the past.
    add("Friday marks the anniversary of the flood.", pub, "Friday", fri_next, fri_next, "day")
    fri_last = pub - days((pub.weekday() - 4) % 7)
    add("Friday saw the heaviest shelling in weeks.", pub, "Friday", fri_last, fri_last, "day")
    # Calendar verbs at any reach in the clause.
    mon_next = pub + days((0 - pub.weekday()) % 7)
    add("The war enters its second year on Monday.", pub, "on Monday", mon_next, mon_next, "day")
    add("The country marks the first anniversary of the disaster on Monday.", pub, "on Monday",
        mon_next, mon_next, "day")
    # "would" + a verb of meeting: reported future.
    add("The minister said the cabinet would meet on Friday.", pub, "on Friday", fri_next,
        fri_next, "day")
    # Hours ago under a day, minutes ago: the publication day.
    add("Sirens sounded 2 hours ago.", pub, "2 hours ago", pub, pub, "day")
    add("The update came 40 minutes ago.", pub, "40 minutes ago", pub, pub, "day")
    # Year to date; a half of the year without a year (inferred as "in June").
    add("The stock is up 40% year-to-date.", pub, "year-to-date", D(pub.year, 1, 1), pub, "range")
    y = pub.year if D(pub.year, 7, 1) <= pub else pub.year - 1
    add("Profits fell in H2.", pub, "in H2", D(y, 7, 1), D(y, 12, 31), "range")
    # A capitalised month abbreviation after "in" (past: not after pub).
    y = pub.year if D(pub.year, 9, 1) <= pub else pub.year - 1
    add("The bill passed in Sept. after a long fight.", pub, "in Sept.", D(y, 9, 1),
        month_end(y, 9), "month")
    # A written day after "moved to" / "postponed to": the occurrence nearest pub.
    d = pub + days(20)
    add(f"The hearing was moved to {MONTHS[d.month - 1]} {d.day}.", pub,
        f"{MONTHS[d.month - 1]} {d.day}", d, d, "day")
    # "the first anniversary of the <day month> attack": a year before the
    # occurrence nearest pub.
    d = pub + days(1)
    a = add_months(d, -12)
    add(f"Crowds marked the first anniversary of the {d.day} {MONTHS[d.month - 1]} attack.", pub,
        f"the {d.day} {MONTHS[d.month - 1]}", a, a, "day")
    # "runs through <day>" in a sentence without tense: pub .. that day.
    d = pub + days(9)
    add(f"Early voting runs through {MONTHS[d.month - 1]} {d.day}.", pub,
        f"through {MONTHS[d.month - 1]} {d.day}", pub, d, "range")
    # A year after "for" at the end of its phrase.
    add("The bank raised its guidance for 2021.", pub, "for 2021", D(2021, 1, 1), D(2021, 12, 31),
        "year")
ref = D(2026, 12, 3)
add("The appeal was adjourned until March 2027.", ref, "until March 2027", None, D(2027, 3, 31),
    "range")
for s in ["Jan Egeland called for a ceasefire.", "Supporters gathered at Mar-a-Lago.",
          "Hamas agreed to a four-day truce.", "It is day 48 of the war.",
          "Polls close at 8 p.m. local time.", "The army asked for 2000 troops.",
          "The retailer's H1 profit beat forecasts.", "The minutes of the meeting were published."]:
    add(s, ref, "-", None, None, "none")

# Things that must not become dates.
for s in ["Fans cheered the 3-1 win.", "The hotline runs 24/7.", "An F-16 flew over.",
          "Two Su-35 jets took off.", "Call 020 7946 0018 for help.", "Some 1,000 troops moved.",
          "Battalion 2740 withdrew.", "COVID-19 spread in the camps.", "They flew 1990s-era jets.",
          "It may rain in the hills.", "They may attack at dawn.", "Protesters march on the square.",
          "The Sunday Times ran the story.", "An august body met.", "Theresa may resign.",
          "Rebels march through the town.", "The 24/7 news cycle hurt.", "A convoy of 2014 vehicles.",
          "The march was peaceful.", "Prices may 3 times rise.", "The score was 2-0 at half time.",
          "Mike Pence spoke to reporters.", "The last days of the siege were grim.",
          "Troops prepared for the fall of the city.", "Hot springs were hit by shells.",
          "Recent reports were denied.", "Several days passed.", "The weekly paper came out.",
          "The club lost a midweek match.", "Highs will climb into the 80s.",
          "Medics arrived within hours of the blast.", "The waste stays toxic 10,000 years from now.",
          "A year to the day after the invasion the president spoke.",
          "That was the start of the winter war for the partisans.", "Track your early spring runs.",
          "Saturday Night Live returned with a new host."]:
    add(s, ref, "-", None, None, "none")

# A relative clause's past verb dates its own phrase (the row was in the .tsv only).
add("Two singers, who died in a rocket attack on Aug. 9, were buried next to each other.",
    D(2023, 8, 14), "on Aug. 9", D(2023, 8, 9), D(2023, 8, 9), "day")

# h-dates21: classes of batch 24's misses and misreads.
# A year before the noun of an event (time.year_of_event).
ref = D(2026, 9, 16)
add("She may stand in the 2028 presidential election.", ref, "2028", D(2028, 1, 1),
    D(2028, 12, 31), "year")
add("Two men admitted a 2019 armed robbery.", ref, "2019", D(2019, 1, 1),
    D(2019, 12, 31), "year")
add("Detectives revisited the 1985 cold case murder.", ref, "1985", D(1985, 1, 1),
    D(1985, 12, 31), "year")
# Bare plural units ago: as "several weeks ago" (pub - 7 units .. pub - 2 units).
add("The pair split years ago.", ref, "years ago", D(2019, 9, 16), D(2024, 9, 16), "range")
add("The deal was agreed weeks ago.", ref, "weeks ago", ref - dt.timedelta(weeks=7),
    ref - dt.timedelta(weeks=2), "range")
add("The shrine stood two thousand years ago.", ref, "-", None, None, "none")
# A comparison or a title is no date.
add("The bus came ten minutes later than planned and a day later than promised.", ref, "-", None,
    None, "none")
add("Thirty Years Later opens the festival.", ref, "-", None, None, "none")
# Future cues without a schedule verb: the present progressive of a verb of going or
# meeting, "expect(s)", a headline infinitive of telling; "posted" dates the report.
ref = D(2026, 9, 16)  # a Wednesday
add("The envoy is travelling to Cairo on Friday.", ref, "on Friday", D(2026, 9, 18),
    D(2026, 9, 18), "day")
add("Forecasters expect gales on Saturday.", ref, "on Saturday", D(2026, 9, 19), D(2026, 9, 19),
    "day")
add("Minister to outline the budget on Monday", ref, "on Monday", D(2026, 9, 21), D(2026, 9, 21),
    "day")
add("The mayor said in a note posted Monday that the pool will shut.", ref, "Monday",
    D(2026, 9, 14), D(2026, 9, 14), "day")
add("Few expect a change whatever the result of Tuesday's vote.", ref, "Tuesday",
    D(2026, 9, 15), D(2026, 9, 15), "day")
add("The firm expects the refund to arrive in March.", ref, "in March", D(2027, 3, 1),
    D(2027, 3, 31), "month")
# Hedged windows, seasons relative to pub.
add("It was the wettest week in nearly a decade.", ref, "in nearly a decade", D(2016, 9, 16), ref,
    "range")
add("The show returns later this autumn.", ref, "later this autumn", D(2026, 9, 17),
    D(2026, 11, 30), "range")
add("Crops failed earlier this summer.", D(2026, 8, 13), "earlier this summer", D(2026, 6, 1),
    D(2026, 8, 12), "range")

print("# sentence\tpub_date\tdate_text\tdate_start\tdate_end\tdate_precision\talternative")
for r in rows:
    print("\t".join(r))
