using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hub.TestSupport;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that keeps every message it accepts
/// in a maildir, so tests can count and read what the hub really sent.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    private Process? _process;
    private string? _unavailable;
    private string _root = string.Empty;

    public int Port { get; private set; }
    public string Maildir { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        // aiosmtpd creates the maildir (tmp, new, cur) itself and fails on an existing empty folder.
        _root = Directory.CreateTempSubdirectory("hub-mail-").FullName;
        Maildir = Path.Combine(_root, "maildir");
        Port = FreePort();
        try
        {
            // Debian's interpreter, where python3-aiosmtpd is installed, even when another python3 comes first on PATH.
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            _process = Process.Start(new ProcessStartInfo(python, $"-m aiosmtpd -n -l 127.0.0.1:{Port} -c aiosmtpd.handlers.Mailbox {Maildir}")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _unavailable = "python3 is not installed.";
            return;
        }

        for (var i = 0; i < 100; i++)
        {
            if (_process!.HasExited)
            {
                _unavailable = "The SMTP server did not start (install the Debian package python3-aiosmtpd).";
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
        _unavailable = "The SMTP server did not start listening.";
    }

    /// <summary>Skips (fails under CI) when no SMTP server could be started.</summary>
    public void Require()
    {
        if (_unavailable is not null)
        {
            TestEnvironment.SkipOrFail(_unavailable);
        }
    }

    /// <summary>Every message received so far, as raw text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(File.ReadAllText).ToList() : [];
    }

    public static string? Header(string message, string name) =>
        message.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    /// <summary>The decoded text body of a single-part message (quoted-printable, base64 or plain).</summary>
    public static string Body(string message)
    {
        var split = message.Replace("\r\n", "\n").Split("\n\n", 2);
        var body = split.Length == 2 ? split[1] : string.Empty;
        var encoding = Header(message, "Content-Transfer-Encoding")?.ToLowerInvariant();
        if (encoding == "base64")
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))));
        }
        if (encoding == "quoted-printable")
        {
            var joined = body.Replace("=\n", string.Empty);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
            }
            return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        }
        return body;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
