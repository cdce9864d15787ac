using System.Text.RegularExpressions;

namespace Hub.WebTests.Security;

/// <summary>One line of AuthorisationMatrix.txt: a request and what each role gets from it, for an own and an other record.</summary>
public sealed partial record MatrixRow(int Line, string Method, string Address, string Record, IReadOnlyDictionary<Role, (string Own, string Other)> Answers)
{
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal)
        { "200", "401", "403", "404", "sign-in", "signed-out", "space-sign-in", "denied", "refused", "pass" };

    private static readonly IReadOnlySet<string> RecordKinds = new HashSet<string>(StringComparer.Ordinal)
        { "-", "referral", "conversation", "member", "offer", "report", "proposal", "taxonomy", "term", "request", "volunteer", "concern", "outing" };

    public string Key => HubEndpoints.Handler.KeyOf(Method, Address);

    /// <summary>The route template alone, as a page refusal's audit row names it.</summary>
    public string Template => HubEndpoints.SplitQuery(Address).Path;

    /// <summary>A person's record is tried twice: one the role legitimately reaches, and someone else's.</summary>
    public bool OpensAPersonsRecord => Record is "referral" or "conversation" or "request";

    /// <summary>A hub person's record (a refusal names the person); a request for someone to come along names nobody known to the hub.</summary>
    public bool NamesAHubPerson => Record is "referral" or "conversation";

    public IReadOnlyList<Whose> RecordsTried => OpensAPersonsRecord ? [Whose.Own, Whose.Other] : [Whose.Own];

    public string Expected(Role role, Whose whose) => whose == Whose.Own ? Answers[role].Own : Answers[role].Other;

    /// <summary>A refusal is sent with a valid antiforgery token, so only the policy or the record's rules can refuse it.</summary>
    public static bool IsRefusal(string outcome) => outcome is "sign-in" or "signed-out" or "space-sign-in" or "denied" or "refused" or "404";

    /// <summary>The address with its route values filled in: the record's id, the first version, a link token that was never issued.</summary>
    public string AddressFor(AccessWorld world, Whose whose)
    {
        Guid? id = Record switch
        {
            "referral" => whose == Whose.Own ? world.Referrals.Own : world.Referrals.Other,
            "conversation" => whose == Whose.Own ? world.Conversations.Own : world.Conversations.Other,
            "member" => world.MemberId,
            "offer" => world.OfferId,
            "report" => world.ReportId,
            "proposal" => world.ProposalId,
            // The Open Referral UK API's taxonomies are fixed lists in code, each with a UUID.
            "taxonomy" => Guid.Parse(Hub.Application.Connect.OpenReferralApi.OpenReferralTaxonomies.All[0].Id),
            "term" => Guid.Parse(Hub.Application.Connect.OpenReferralApi.OpenReferralTaxonomies.Terms.First().Id),
            "request" => whose == Whose.Own ? world.SupportRequests.Own : world.SupportRequests.Other,
            "volunteer" => world.VolunteerId,
            "concern" => world.ConcernId,
            // Nobody in the matrix is signed in to a community space, so any outing's id is refused alike.
            "outing" => Guid.Parse("0e7a1c00-0000-4000-8000-00000000a041"),
            _ => null,
        };
        var filled = RouteValue().Replace(Address, m => m.Groups["name"].Value switch
        {
            "id" => id?.ToString() ?? throw new InvalidOperationException($"Line {Line}: {Address} needs a record."),
            "number" => "1",
            "token" => "a-link-that-was-never-issued",
            "path" => string.Empty, // a catch-all (the jobs dashboard): its own start page
            "section" => "people", // the conversation section with every handler
            _ => m.Groups["optional"].Success ? string.Empty : throw new InvalidOperationException($"Line {Line}: no value for {m.Value}."),
        });
        var (path, query) = HubEndpoints.SplitQuery(filled);
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        return query is null ? path : $"{path}?{query}";
    }

    public static IReadOnlyList<MatrixRow> Read()
    {
        using var stream = typeof(MatrixRow).Assembly.GetManifestResourceStream("AuthorisationMatrix.txt")
            ?? throw new InvalidOperationException("AuthorisationMatrix.txt is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<MatrixRow>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 3 + AccessWorld.Roles.Count || !RecordKinds.Contains(cells[2]))
            {
                throw new FormatException($"AuthorisationMatrix.txt line {number}: expected method, address, record and {AccessWorld.Roles.Count} answers.");
            }
            var answers = new Dictionary<Role, (string, string)>();
            foreach (var (role, cell) in AccessWorld.Roles.Zip(cells.Skip(3)))
            {
                var pair = cell.Split('|');
                if (pair.Length > 2 || pair.Any(a => !Outcomes.Contains(a)) || (pair.Length == 2 && cells[2] is not ("referral" or "conversation" or "request")))
                {
                    throw new FormatException($"AuthorisationMatrix.txt line {number}: '{cell}' is not an answer (one of {string.Join(", ", Outcomes)}, or own|other on a person's record).");
                }
                answers[role] = (pair[0], pair[^1]);
            }
            rows.Add(new MatrixRow(number, cells[0], cells[1], cells[2], answers));
        }
        return rows;
    }

    [GeneratedRegex(@"\{\**(?<name>\w+)(:[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteValue();
}
