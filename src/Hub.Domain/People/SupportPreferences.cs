using Hub.Domain.Directory;

namespace Hub.Domain.People;

/// <summary>
/// What the person would like in who supports them. Met where possible, never a condition of help.
/// The language they prefer is in <see cref="CommunicationNeeds"/>.
/// </summary>
public sealed record SupportPreferences(bool PeerWorker, WorkerGender? WorkerGender, IReadOnlyList<DayOfWeek> Days, bool Evenings)
{
    public static SupportPreferences None { get; } = new(false, null, [], false);
}
