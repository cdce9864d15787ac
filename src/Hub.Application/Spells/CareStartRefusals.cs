using Hub.Application.Common;
using Hub.Application.Common.Validation;
using Hub.Domain.Common;
using Hub.Domain.Spells;

namespace Hub.Application.Spells;

/// <summary>
/// What staff are told, by the day they typed, when a spell cannot take a care plan agreed or an
/// intervention started: the domain refuses the same (<see cref="ReferralSpell.RecordCareStart"/>),
/// this says it in words for the form.
/// </summary>
internal static class CareStartRefusals
{
    /// <param name="happened">What the day is of, as the form asks it: "the plan was agreed".</param>
    public static void ThrowIfTheSpellCannotTake(ReferralSpell spell, DateOnly? on, string field, string happened)
    {
        if (!spell.IsOpen)
        {
            throw Refuse.Because(field, "This person's spell has closed, so its clock can no longer change");
        }

        var started = UkCalendar.DayOf(spell.StartedAt);
        if (on < started)
        {
            throw Refuse.Because(field, $"The day {happened} cannot be before their wait started on {started.ToString("d MMMM yyyy", UkTime.Culture)}");
        }
    }
}
