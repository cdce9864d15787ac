using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hub.TestSupport;

/// <summary>
/// A relay as an organisation runs one: aiosmtpd on loopback that insists on STARTTLS (with a
/// throwaway self-signed certificate for 127.0.0.1 made by openssl) and on a user name and password
/// before it takes mail, kept in a maildir.
/// </summary>
public sealed class SecureSmtpServer : IAsyncLifetime
{
    public const string UserName = "hub-relay";
    public const string Password = "relay-password-for-tests";

    private const string Script = """
        import ssl, sys, threading
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, LoginPassword
        port, maildir, cert, key, user, password = sys.argv[1:7]
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        def authenticate(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok)
        controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=int(port), tls_context=context,
            require_starttls=True, authenticator=authenticate, auth_required=True)
        controller.start()
        print("ready", flush=True)
        threading.Event().wait()
        """;

    private Process? _process;
    private string? _unavailable;
    private string _root = string.Empty;

    public int Port { get; private set; }
    public string Maildir { get; private set; } = string.Empty;

    /// <summary>The relay's certificate (PEM), to trust through <c>Hub:Smtp:TrustedCertificatePath</c>.</summary>
    public string CertificatePath { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("hub-secure-mail-").FullName;
        Maildir = Path.Combine(_root, "maildir");
        CertificatePath = Path.Combine(_root, "relay.pem");
        var key = Path.Combine(_root, "relay.key");
        var script = Path.Combine(_root, "relay.py");
        await File.WriteAllTextAsync(script, Script);
        using (var openssl = Start("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                   "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", CertificatePath]))
        {
            if (openssl is null)
            {
                _unavailable = "openssl is not installed.";
                return;
            }
            await openssl.WaitForExitAsync();
            if (openssl.ExitCode != 0)
            {
                _unavailable = "openssl could not make a test certificate.";
                return;
            }
        }
        Port = FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        _process = Start(python, [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir, CertificatePath, key, UserName, Password]);
        if (_process is null)
        {
            _unavailable = "python3 is not installed.";
            return;
        }
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                _unavailable = "The secure SMTP server did not start (install the Debian package python3-aiosmtpd).";
                return;
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        _unavailable = "The secure SMTP server did not start listening.";
    }

    /// <summary>Skips (fails under CI) when the relay could not be started.</summary>
    public void Require()
    {
        if (_unavailable is not null)
        {
            TestEnvironment.SkipOrFail(_unavailable);
        }
    }

    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(File.ReadAllText).ToList() : [];
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file clean-up.
        }
        return Task.CompletedTask;
    }

    private static Process? Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
