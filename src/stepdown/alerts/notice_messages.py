"""The core's notice messages, listed for the translation catalogue.

The rules (``stepdown.core.rules``) word each alert and nudge with fixed English messages;
makemessages finds them here. A test checks this list against the core's ``NOTICE_MESSAGES``,
rule by rule, so a new rule cannot slip through untranslated.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

CORE_NOTICE_WORDING: dict[str, tuple[str, ...]] = {
    "over_daily_limit": (
        gettext_noop("Above your daily limit"),
        gettext_noop(
            "On %(day)s you logged %(total)s, above the %(limit)s a day you set for yourself."
        ),
        gettext_noop(
            "Have a look at your week on the Trends page; if staying within your limits is getting "
            "harder, a gradual plan can help."
        ),
    ),
    "too_many_days": (
        gettext_noop("More days than you planned in a week"),
        # Sentences with a count: each pair is in the catalogue as a plural (CORE_NOTICE_PLURALS).
        "In the 7 days to %(day)s you used kratom on %(used)s day.",
        "In the 7 days to %(day)s you used kratom on %(used)s days.",
        "Your goal is at most %(most)s day a week.",
        "Your goal is at most %(most)s days a week.",
        gettext_noop("Days without kratom help keep tolerance from building."),
        gettext_noop(
            "Have a look at your week on the Trends page; if staying within your limits is getting "
            "harder, a gradual plan can help."
        ),
    ),
    "off_day_use": (
        gettext_noop("Use on a day you planned to keep free"),
        gettext_noop("You logged %(total)s on %(day)s; your goal is to use only on %(days)s."),
        gettext_noop(
            "Have a look at your week on the Trends page; if staying within your limits is getting "
            "harder, a gradual plan can help."
        ),
    ),
    "doses_too_close": (
        gettext_noop("Doses closer together than you planned"),
        gettext_noop(
            "The dose at %(time)s on %(day)s came %(gap)s h after the one before; your goal is at "
            "least %(hours)s h between doses. Spacing doses out is one of the simplest ways to "
            "keep use in check."
        ),
        gettext_noop(
            "Next time an urge comes early, try the urge timer: a craving usually rises, peaks and "
            "passes."
        ),
    ),
    "late_use": (
        gettext_noop("A dose later than you planned"),
        gettext_noop(
            "You logged a dose at %(time)s on %(day)s; your goal is no kratom after %(after)s."
        ),
        gettext_noop("A wind-down routine in the evening can help; the Lifestyle page has ideas."),
    ),
    "past_goal_end": (
        gettext_noop("Still using after your goal's end date"),
        gettext_noop(
            "Your goal was to stop by %(day)s, and you have logged kratom on %(count)s day since. "
            "Goals often need adjusting; stopping gradually is usually easier than stopping at "
            "once."
        ),
        gettext_noop(
            "Your goal was to stop by %(day)s, and you have logged kratom on %(count)s days since. "
            "Goals often need adjusting; stopping gradually is usually easier than stopping at "
            "once."
        ),
        gettext_noop("Make a taper plan, or set a new end date that feels realistic."),
    ),
    "self_harm": (
        gettext_noop("You do not have to face this alone"),
        gettext_noop(
            "Your answers on %(day)s said you may be having thoughts of harming yourself or of "
            "being better off dead. Those thoughts deserve support straight away, whatever else is "
            "going on."
        ),
        gettext_noop(
            "Open Get help now: you can call or text 988 (US and Canada) or your local crisis line "
            "at any hour, and go through your safety plan."
        ),
    ),
    "medical_warning": (
        gettext_noop("You reported this on %(day)s."),
        gettext_noop(
            "Seek medical care now; call emergency services if it is severe or getting worse."
        ),
        gettext_noop("Talk to a clinician before changing how much kratom you take."),
        gettext_noop("Signs that need a liver check today"),
        gettext_noop(
            "Yellow skin or eyes, or dark urine, can mean the liver is struggling; kratom has been "
            "linked to liver injury in which every person had yellowing of the skin or eyes."
        ),
        gettext_noop("A seizure needs medical care"),
        gettext_noop(
            "Seizures have been reported with kratom, sometimes together with other substances, "
            "and always need a doctor's assessment."
        ),
        gettext_noop("Fainting needs medical care"),
        gettext_noop("Fainting can come from the heart's rhythm, which kratom can affect."),
        gettext_noop("Chest pain needs medical care"),
        gettext_noop(
            "Chest pain should always be checked straight away; kratom can speed up the heart."
        ),
        gettext_noop("Trouble breathing needs medical care"),
        gettext_noop(
            "Slowed or difficult breathing is dangerous, above all when kratom is combined with "
            "opioids, alcohol or sedating medicines."
        ),
        gettext_noop("Pregnancy: talk to a clinician first"),
        gettext_noop(
            "Babies born to mothers who used kratom daily have needed treatment for withdrawal; a "
            "clinician can help plan any change so it is safe for you and the baby."
        ),
    ),
    "interaction": (
        gettext_noop("Kratom and %(subject)s can be a risky mix"),
        gettext_noop(
            "%(subject)s, on your medicines list, is a high-risk combination with kratom."
        ),
        gettext_noop(
            "You logged %(subject)s on %(day)s; with kratom it is a high-risk combination."
        ),
        gettext_noop("%(advice)s"),
    ),
    "severe_withdrawal": (
        gettext_noop("Withdrawal looks severe"),
        gettext_noop(
            "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above the "
            "level of %(level)s you chose. Withdrawal this strong deserves care and attention."
        ),
        gettext_noop(
            "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above "
            "%(level)s, well above your usual scores. Withdrawal this strong deserves care and "
            "attention."
        ),
        gettext_noop(
            "Your withdrawal diary on %(day)s added up to %(total)s of %(max)s, at or above "
            "%(level)s, Stepdown's default for a severe day (you can set your own). Withdrawal "
            "this strong deserves care and attention."
        ),
        gettext_noop(
            "The COWS taken on %(day)s scored %(total)s, in the moderately severe range (from "
            "%(from)s)."
        ),
        gettext_noop(
            "Consider holding your current step for a week so your body can catch up; the "
            "suggestion is waiting on your plan page, and nothing changes unless you accept it."
        ),
        gettext_noop(
            "Read what helps with withdrawal, and if it does not ease, talk to a clinician about "
            "support."
        ),
    ),
    "worse_after_cut": (
        gettext_noop("This step may be too big a cut for now"),
        gettext_noop(
            "Since your cut on %(day)s your withdrawal diary has been severe on %(days)s days. "
            "Going back to the previous step for a while is a normal part of tapering, not a "
            "setback."
        ),
        gettext_noop(
            "Consider going back to your previous step, and talk to a clinician about how to "
            "continue; the suggestion is on your plan page."
        ),
        gettext_noop("Symptoms have risen since your last cut"),
        gettext_noop(
            "For two days in a row since your cut on %(day)s, your withdrawal diary was at least "
            "half again above the %(average)s you averaged on the step before. A short pause often "
            "lets the body adjust."
        ),
        gettext_noop(
            "Consider holding your current step for a week so your body can catch up; the "
            "suggestion is waiting on your plan page, and nothing changes unless you accept it."
        ),
    ),
    "over_target": (
        gettext_noop("The plan may be moving too fast"),
        gettext_noop(
            "On %(over)s of the last %(window)s days your total was at least a quarter above the "
            "plan's target. That usually means the pace needs adjusting to you, not the other way "
            "round."
        ),
        gettext_noop(
            "Consider slowing the plan so each remaining step lasts %(days)s days longer; the "
            "suggestion is on your plan page."
        ),
    ),
    "missed_checkins": (
        gettext_noop("We have not heard from you for a few days"),
        gettext_noop(
            "There has been no daily check-in for %(days)s days. Check-ins are how your plan "
            "notices when a step is hard and suggests a pause."
        ),
        gettext_noop("Do a quick check-in today; it takes about a minute."),
    ),
    "escalation": (
        gettext_noop("Your daily amount has been creeping up"),
        gettext_noop(
            "Over the last 7 days you averaged %(recent)s a day, %(rise)s more than the "
            "%(baseline)s a day of the four weeks before. Using more over time can be an early "
            "sign of tolerance."
        ),
        gettext_noop("More doses a day than before"),
        gettext_noop(
            "On days you used this week you took about %(recent)s doses, up from about "
            "%(baseline)s in the four weeks before. For withdrawal later on, how often people dose "
            "seems to matter more than how much."
        ),
        gettext_noop("More days in a row than usual"),
        gettext_noop(
            "You have used every day since %(day)s (%(days)s days in a row); in the four weeks "
            "before, your longest run was %(longest)s. Days off help keep tolerance from building."
        ),
        gettext_noop(
            "Look at the last five weeks on the Trends page; if you would like to bring use back "
            "down, you can start a gradual plan from there."
        ),
    ),
    "use_rising": (
        gettext_noop("Your use is going up"),
        gettext_noop(
            "Over the last 7 days you averaged %(recent)s a day, %(rise)s more than the "
            "%(earlier)s a day of the week before. Rising use is how tolerance builds; noticing it "
            "early makes it easier to turn around."
        ),
        gettext_noop(
            "If you would like to bring use back down, a gradual plan helps; so can setting a "
            "daily limit."
        ),
    ),
    "potency_jump": (
        gettext_noop("Your new product is stronger"),
        gettext_noop(
            "Gram for gram, %(product)s is estimated to carry about %(rise)s more alkaloid than "
            "the product you used before."
        ),
        gettext_noop("About %(matching)s of it matches your usual %(usual)s."),
        gettext_noop("Weigh out the matching amount (%(matching)s) rather than your usual."),
        gettext_noop("Start with a smaller amount than usual until you know how it affects you."),
    ),
    "seven_oh_product": (
        gettext_noop("A concentrated 7-OH product"),
        gettext_noop(
            "%(product)s is a 7-OH product. Lab tests of such products found many times more "
            "7-hydroxymitragynine than leaf ever holds, made by processing rather than grown, and "
            "in 2025 the FDA recommended scheduling them."
        ),
        gettext_noop("Talk to a clinician about a safe way to move away from 7-OH products."),
    ),
    "failed_contaminant": (
        gettext_noop("A product failed its contaminant test"),
        gettext_noop("%(product)s failed its lab test for %(failed)s."),
        gettext_noop("Metals such as lead and nickel build up with long, heavy use."),
        gettext_noop("Kratom carrying germs has made many people ill."),
        gettext_noop("Consider setting this batch aside and using one with a clean lab result."),
    ),
}
CORE_NOTICE_WORDS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
    gettext_noop("weekdays (Monday to Friday)"),
    gettext_noop("no day of the week"),
    gettext_noop("heavy metals"),
    gettext_noop("microbes"),
)
# The core's sentences with a count (``core.says.counted``), as plural entries: a page
# words each with ngettext, so French says "1 jour" and "2 jours" by its own rule.
CORE_NOTICE_PLURALS = (
    ngettext_lazy(
        "In the 7 days to %(day)s you used kratom on %(used)s day.",
        "In the 7 days to %(day)s you used kratom on %(used)s days.",
        "used",
    ),
    ngettext_lazy(
        "Your goal is at most %(most)s day a week.",
        "Your goal is at most %(most)s days a week.",
        "most",
    ),
)
# Rows stored before a sentence was split by its count keep the old sentence in their words:
# it stays in the catalogue so those rows still read in French.
RETIRED_NOTICE_MESSAGES = (
    gettext_noop(
        "In the 7 days to %(day)s you used kratom on %(used)s days; your goal is at most "
        "%(most)s days a week. Days without kratom help keep tolerance from building."
    ),
)
