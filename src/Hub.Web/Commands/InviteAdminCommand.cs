using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Directory.InviteStaffMember;
using Hub.Infrastructure.Persistence;
using Hub.Infrastructure.Seeding;

namespace Hub.Web.Commands;

/// <summary>
/// <c>invite-admin --email ADDRESS --name "NAME"</c>: the operator's way to the first administrator of a
/// new hub, who then invites everyone else from the team directory. Queues the same invitation an
/// administrator sends (docs/decisions/055); the running hub's outbox emails it, its link minted as it
/// goes. Audited with the actor role <see cref="ActorRole"/>.
/// </summary>
internal static class InviteAdminCommand
{
    public const int Refused = 2;
    public const string ActorRole = "Operator";

    public const string Usage = """
        Usage: dotnet run --project src/Hub.Web -- invite-admin --email ADDRESS --name "NAME"

        Makes an administrator's account on the configured database (migrated first) and queues an
        email to ADDRESS with a one-time link to set the password, lasting 7 days from when it is sent.
        The hub sends it through its outbox (SMTP or GOV.UK Notify, as configured). Run it again to
        send a new link if the first was not used. An address already in use is refused (exit code 2).
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var email = Value(args, "--email");
        var name = Value(args, "--name");
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<DemoDataSeeder>().SeedRolesAsync(); // the roles every hub has, demo or not

        var request = new InviteStaffMember(email, name, Roles.Admin, null);
        var operatorUser = new OperatorUser();
        var handler = ActivatorUtilities.CreateInstance<InviteStaffMemberHandler>(services, operatorUser,
            ActivatorUtilities.CreateInstance<AuditTrail>(services, operatorUser));
        try
        {
            await new InviteStaffMemberValidator().ValidateAndThrowAsync(request, cancellationToken);
            var outcome = await handler.Handle(request, cancellationToken);
            Console.WriteLine(outcome == InvitedAccount.InvitedAgain
                ? "Invited again: a new link is queued, and the earlier one no longer works."
                : "Invited: the email with the link to set a password is queued and goes when the hub next sends its outbox.");
            return 0;
        }
        catch (ValidationException refused)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, refused.Errors.Select(e => e.ErrorMessage + ".")) + Environment.NewLine + Environment.NewLine + Usage);
            return Refused;
        }
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }
        return null;
    }

    /// <summary>The operator at the command line: no staff account, recorded in the audit trail by role.</summary>
    private sealed class OperatorUser : ICurrentUser
    {
        public Guid? UserId => null;
        public string Role => ActorRole;
        public bool IsInRole(string role) => false;
    }
}
