using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hub.Infrastructure.DataProtection;
using Hub.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Hub.WebTests.WebTestExtensions;

namespace Hub.WebTests.Security;

/// <summary>
/// The data protection key ring behind every cookie is stored in the database encrypted to a
/// certificate kept elsewhere (ADR 045): the stored key XML carries no readable master key, a
/// cookie issued before a restart is still read after it with the same certificate, the ring is
/// useless without it, and production refuses to start without the setting.
/// </summary>
public sealed class KeysAtRestTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string DemoPassword = "LivingWell-demo-2026";
    private const string CertificatePassword = "invented-test-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("hub-keys-").FullName;

    [SkippableFact]
    public async Task Should_store_only_encrypted_keys_and_read_a_cookie_from_before_a_restart_with_the_same_certificate()
    {
        var certificate = ThrowawayCertificate("keys.pfx");
        await ForgetAllKeysAsync(); // a fresh key ring, so the key made now is made under the certificate
        var cookies = new CookieContainer();
        List<string> stored;
        using (var first = WithCertificate(new HubWebFactory(database.ConnectionString), certificate))
        {
            var client = first.NewClient(cookies);
            (await client.SignInAsync("practitioner@demo.livingwell.test", DemoPassword)).IsRedirect().ShouldBeTrue();
            cookies.GetCookieHeader(BaseAddress).ShouldContain("hub.staff=");
            (await client.GetAsync("/staff/triage")).StatusCode.ShouldBe(HttpStatusCode.OK);
            stored = await first.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        }

        stored.ShouldNotBeEmpty("signing in made a key");
        stored.ShouldAllBe(xml => xml.Contains("<EncryptedData", StringComparison.Ordinal) && xml.Contains("encryptedSecret", StringComparison.Ordinal),
            "every stored key is encrypted");
        stored.ShouldAllBe(xml => !xml.Contains("<masterKey", StringComparison.Ordinal) && !xml.Contains("<value>", StringComparison.Ordinal),
            "no key's secret is stored readable");

        // The instance stops; a new one starts with the same certificate and reads the earlier cookie.
        using (var second = WithCertificate(new HubWebFactory(database.ConnectionString), certificate))
        {
            var response = await second.NewClient(cookies.Copy()).GetAsync("/staff/triage");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie protected before the restart is still read");
            (await response.ReadDocumentAsync()).Text("h1").ShouldBe("Triage queue");
        }

        // Someone with the database but not the certificate cannot read the key, so cannot read or forge the cookie.
        using var without = WithCertificate(new HubWebFactory(database.ConnectionString), ThrowawayCertificate("other.pfx"));
        var refused = await without.NewClient(cookies.Copy()).GetAsync("/staff/triage");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, "another certificate cannot decrypt the key: the cookie is not accepted");
        refused.Headers.Location!.ToString().ShouldContain("/staff/account/sign-in");
    }

    [SkippableFact]
    public void Should_refuse_to_start_in_production_without_a_certificate_saying_what_to_set()
    {
        using var factory = new ProductionFactory(database.ConnectionString);

        var failure = Should.Throw<Exception>(() => factory.CreateClient());

        var messages = Flatten(failure).Select(e => e.Message).ToList();
        messages.ShouldContain(m => m.StartsWith($"Set {KeyProtection.CertificatePathSetting}", StringComparison.Ordinal) && m.Contains("secret store", StringComparison.Ordinal),
            $"the start-up error names the setting; got: {string.Join(" | ", messages)}");
    }

    [SkippableFact]
    public void Should_refuse_to_start_with_a_certificate_it_cannot_open()
    {
        var certificate = ThrowawayCertificate("keys.pfx");
        using var wrongPassword = new HubWebFactory(database.ConnectionString)
            .With(KeyProtection.CertificatePathSetting, certificate)
            .With(KeyProtection.CertificatePasswordSetting, "not-the-password");
        Flatten(Should.Throw<Exception>(() => wrongPassword.CreateClient())).Select(e => e.Message)
            .ShouldContain(m => m.Contains("could not be opened", StringComparison.Ordinal));

        using var missing = new HubWebFactory(database.ConnectionString).With(KeyProtection.CertificatePathSetting, Path.Combine(_folder, "absent.pfx"));
        Flatten(Should.Throw<Exception>(() => missing.CreateClient())).Select(e => e.Message)
            .ShouldContain(m => m.Contains("does not exist", StringComparison.Ordinal));
    }

    private static HubWebFactory WithCertificate(HubWebFactory factory, string path) =>
        factory.With(KeyProtection.CertificatePathSetting, path).With(KeyProtection.CertificatePasswordSetting, CertificatePassword);

    /// <summary>A self-signed RSA certificate with its private key, written as a password-protected .pfx for this test only.</summary>
    private string ThrowawayCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Living Well Hub test data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        return path;
    }

    private async Task ForgetAllKeysAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM \"DataProtectionKeys\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The hub as production runs it, not in demo mode, with an audit key but no data protection certificate.</summary>
    private sealed class ProductionFactory(string connectionString) : HubWebFactory(connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            With("Hub:DemoMode", "false");
            With("Hub:Audit:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
