using Hub.Infrastructure.Identity;
using Hub.TestSupport;
using Hub.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.WebTests.Security;

/// <summary>
/// Passwords are checked against a real list of common and breached passwords (ASVS V6.2.4, V6.2.12)
/// whenever one is set or changed, through Identity's own password validation in the running hub.
/// </summary>
public sealed class CommonPasswordTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly HubWebFactory _hub = new(database.ConnectionString);

    [Fact]
    public void Should_ship_a_list_of_at_least_100000_common_and_breached_passwords()
    {
        CommonPasswordList.Count.ShouldBeGreaterThanOrEqualTo(100_000);
        CommonPasswordList.Contains("password").ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Should_refuse_a_password_from_the_list_with_a_clear_message_when_an_account_is_set_up()
    {
        using var scope = _hub.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        // Long enough for the length rule, and among the passwords leaked most often.
        var result = await users.CreateAsync(NewMember(), "1qaz2wsx3edc4rfv");

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Description.ShouldStartWith("Choose a password that is harder to guess. This one is on a list of common passwords");
    }

    [SkippableFact]
    public async Task Should_refuse_a_listed_password_in_any_case_when_a_member_changes_theirs_and_accept_a_long_unusual_one()
    {
        using var scope = _hub.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var member = NewMember();
        const string First = "kettle orbit lantern mossy fjord";
        (await users.CreateAsync(member, First)).Succeeded.ShouldBeTrue("a long unusual password is accepted");

        var common = await users.ChangePasswordAsync(member, First, "QWERTYUIOPASDFGHJKL");
        var unusual = await users.ChangePasswordAsync(member, First, "violet tram under seven quiet hills");

        common.Succeeded.ShouldBeFalse("a listed password is refused whatever its case");
        common.Errors.ShouldContain(e => e.Code == "PasswordTooCommon");
        unusual.Succeeded.ShouldBeTrue(string.Join("; ", unusual.Errors.Select(e => e.Description)));
    }

    private static StaffUser NewMember()
    {
        var email = $"member-{Guid.NewGuid():N}@partner.test";
        return new StaffUser { UserName = email, Email = email, DisplayName = "Test member" };
    }

    public void Dispose() => _hub.Dispose();
}
