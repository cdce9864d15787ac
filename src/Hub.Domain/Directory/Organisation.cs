using Hub.Domain.Common;

namespace Hub.Domain.Directory;

/// <summary>The three sectors that share the front door.</summary>
public enum Sector
{
    Primary = 1,
    Secondary = 2,
    Voluntary = 3,
}

/// <summary>A partner organisation of the hub: a GP practice, the mental health trust, a charity.</summary>
public sealed class Organisation : Entity
{
    private Organisation()
    {
        Name = string.Empty;
    }

    public Organisation(string name, Sector sector)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("An organisation needs a name.");
        }
        Name = name.Trim();
        Sector = sector;
    }

    public string Name { get; private set; }
    public Sector Sector { get; private set; }

    public void Update(string name, Sector sector)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("An organisation needs a name.");
        }
        Name = name.Trim();
        Sector = sector;
    }
}
