"""The taper planner's refusals in the reader's language.

The core (``stepdown.core.tapering``) keeps each refusal as a fixed English message with
``%(name)s`` holes and the values that fill them (``TaperError.says``, ``core/says.py``) and
never imports Django; the API in English reads its English sentence. The messages are listed
here for the catalogue (a test checks the list against the core, so a new message cannot slip
through untranslated) and worded by ``stepdown.worded.worded`` (the command line's
``language.worded``).
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

CORE_PLANNER_MESSAGES = (
    # params.py
    gettext_noop("%(field)s must be a number, not %(value)s"),
    gettext_noop("%(field)s must be a finite number"),
    gettext_noop("%(field)s must be a whole number"),
    gettext_noop("%(field)s must be between %(low)s and %(high)s, not %(value)s"),
    gettext_noop("the rate must be between %(low)s and %(high)s %% a step, not %(rate)s %%"),
    gettext_noop("%(field)s must be greater than zero, not %(number)s"),
    gettext_noop(
        "a step of %(step)s g rounds to nothing on a %(resolution)s g resolution; choose a "
        "step of at least half the resolution"
    ),
    gettext_noop("stop_below_g cannot be negative"),
    gettext_noop(
        "with a %(resolution)s g resolution the last cuts would be more than %(cap)s %% each; "
        "weigh with a finer scale (at most %(finest)s g)"
    ),
    gettext_noop(
        "stop below at most %(most)s g a day: stopping from more is too large a last step"
    ),
    gettext_noop(
        "with a %(resolution)s g resolution, stop below at least %(lowest)s g a day: smaller "
        "amounts cannot be cut by %(cap)s %% or less"
    ),
    gettext_noop(
        "a step of %(step)s g cuts more than %(cap)s %% of %(start)s g; the largest allowed "
        "step is %(largest)s g"
    ),
    gettext_noop(
        "steps must last at least %(days)s days: the body needs about 5–14 days to settle at a "
        "new amount"
    ),
    # errors.py, methods.py
    gettext_noop("%(name)s does not apply to the %(method)s method"),
    gettext_noop("this method needs %(name)s"),
    gettext_noop("unknown method %(name)s; choose one of %(choices)s"),
    # adjust.py
    gettext_noop("the plan starts on %(day)s; nothing to change yet"),
    gettext_noop("the plan is over (no planned dose from %(day)s); nothing to change"),
    gettext_noop("there is no earlier, higher step to go back to"),
    gettext_noop("the plan would run past the end of the calendar"),
    gettext_noop("to slow down, give a gentler cut or a longer interval"),
    gettext_noop("to slow down, the rate must be below the current %(rate)s %%"),
    gettext_noop("to slow down, the step must be below the current %(step)s g"),
    gettext_noop("to slow down, the interval must be longer than the current %(days)s days"),
    # planner.py
    gettext_noop("%(units)s units cannot be cut within %(cap)s %%"),
    gettext_noop("the plan would need more than %(steps)s steps; choose a larger step"),
    gettext_noop(
        "the plan would need more than %(steps)s steps; choose a larger ed50_g or a higher rate"
    ),
    gettext_noop("the plan would need more than %(steps)s steps; choose a coarser resolution"),
    gettext_noop("the %(method)s method needs %(name)s"),
    gettext_noop("the resolution must be at least %(least)s g"),
    gettext_noop("%(start)s g a day is above the %(limit)s g limit"),
    gettext_noop("%(start)s g is less than one %(resolution)s g resolution unit"),
    gettext_noop("start_date must be a calendar date"),
    gettext_noop(
        "%(start)s g a day is already at the end of this plan; with no stabilisation days there "
        "is no step left to take"
    ),
    # checks.py
    gettext_noop(
        "the plan would start at %(start)s g a day, above your recent average of %(recent)s g a "
        "day; confirm that this is what you take now to start there"
    ),
)
