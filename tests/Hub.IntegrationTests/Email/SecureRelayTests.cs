using Hub.Infrastructure.Email;
using Hub.Infrastructure.Persistence;
using Hub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Hub.IntegrationTests.Email;

/// <summary>
/// MailKit against a relay that insists on STARTTLS and a password (ADR 022): the message goes
/// over TLS after authenticating; an untrusted certificate sends nothing and leaves the message
/// waiting with the kind of failure recorded.
/// </summary>
public sealed class SecureRelayTests(DatabaseFixture database, SecureSmtpServer relay) : IClassFixture<DatabaseFixture>, IClassFixture<SecureSmtpServer>
{
    private ApplicationHost Host(string password, bool trustTheRelay = true)
    {
        database.ResetAsync().GetAwaiter().GetResult();
        return new ApplicationHost(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Hub:Smtp:Host"] = "127.0.0.1",
            ["Hub:Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Smtp:EnableSsl"] = "true",
            ["Hub:Smtp:UserName"] = SecureSmtpServer.UserName,
            ["Hub:Smtp:Password"] = password,
            ["Hub:Smtp:TrustedCertificatePath"] = trustTheRelay ? relay.CertificatePath : null,
        });
    }

    [SkippableFact]
    public async Task Should_send_over_starttls_after_authenticating_with_the_relay()
    {
        relay.Require();
        await using var host = Host(SecureSmtpServer.Password);
        var marker = Guid.NewGuid().ToString("N");
        await Queue(host, marker);

        (await Dispatch(host)).ShouldBe(1);

        relay.Messages().Count(m => m.Contains(marker, StringComparison.Ordinal)).ShouldBe(1);
        (await Stored(host, marker)).SentAt.ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task Should_send_nothing_and_say_why_when_the_relay_certificate_is_not_trusted()
    {
        relay.Require();
        var untrustedMarker = Guid.NewGuid().ToString("N");
        await using (var untrusted = Host(SecureSmtpServer.Password, trustTheRelay: false))
        {
            await Queue(untrusted, untrustedMarker);
            (await Dispatch(untrusted)).ShouldBe(0);
            (await Stored(untrusted, untrustedMarker)).LastError.ShouldBe("SslHandshakeException");
        }

        relay.Messages().Count(m => m.Contains(untrustedMarker, StringComparison.Ordinal)).ShouldBe(0);
    }

    private static Task Queue(ApplicationHost host, string marker) => host.WithDb(async db =>
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Purpose = "test",
            To = "someone@hub.test",
            Subject = $"Secure {marker}",
            Body = "Hello",
            CreatedAt = host.Clock.GetUtcNow(),
            NextAttemptAt = host.Clock.GetUtcNow(),
        });
        return await db.SaveChangesAsync();
    });

    private static Task<int> Dispatch(ApplicationHost host) =>
        host.WithService<OutboxDispatcher, int>(d => d.DispatchAsync("secure-test", 50, CancellationToken.None));

    private static Task<OutboxMessage> Stored(ApplicationHost host, string marker) =>
        host.WithDb(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject.Contains(marker)));
}
