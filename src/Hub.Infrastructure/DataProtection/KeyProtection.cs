using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Hub.Infrastructure.DataProtection;

/// <summary>
/// How the data protection key ring (which protects staff and person sign-in cookies, antiforgery
/// tokens and the journey cookies) is protected at rest in the database: each key is encrypted to an
/// X.509 certificate kept outside the database (docs/decisions/045). Required in production; without
/// it, outside production, the keys are stored as plain XML and the hub says so at start.
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathSetting = "Hub:DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "Hub:DataProtection:CertificatePassword";

    /// <summary>Why production refuses to start without the setting, and what to do.</summary>
    public const string MissingMessage =
        $"Set {CertificatePathSetting} (a PKCS#12 .pfx file with an RSA key, e.g. the environment variable Hub__DataProtection__CertificatePath) " +
        $"and {CertificatePasswordSetting} from a secret store: the data protection keys that protect sign-in cookies and form tokens " +
        "are stored in the database, and are encrypted to this certificate so that a copy of the database or its backups cannot forge them. " +
        "Keep the certificate out of the database and its backups, and give every instance the same one.";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]);

    /// <summary>The certificate the keys are encrypted to, or null when none is configured; a clear error when it cannot be used.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration, string contentRoot)
    {
        if (!IsConfigured(configuration))
        {
            return null;
        }
        var path = Path.GetFullPath(configuration[CertificatePathSetting]!, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathSetting} names {path}, which does not exist. {MissingMessage}");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"The data protection certificate at {path} could not be opened: check {CertificatePasswordSetting} " +
                $"and that the file is a PKCS#12 (.pfx) file. ({ex.Message})", ex);
        }
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            throw new InvalidOperationException($"The data protection certificate at {path} has no RSA private key: the keys could be " +
                "encrypted to it but never read back. Export it with its private key.");
        }
        return certificate;
    }
}
