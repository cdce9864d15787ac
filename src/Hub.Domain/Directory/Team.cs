using Hub.Domain.Common;

namespace Hub.Domain.Directory;

/// <summary>A team inside a partner organisation (a practice's mental health team, a charity's peer service).</summary>
public sealed class Team : Entity
{
    public const int NameMaxLength = 200;

    private Team()
    {
        Name = string.Empty;
    }

    public Team(Guid organisationId, string name)
    {
        OrganisationId = organisationId;
        Name = RequireName(name);
    }

    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; }

    public void Rename(string name) => Name = RequireName(name);

    private static string RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("A team needs a name.");
        }
        return name.Trim();
    }
}
