using System.Diagnostics;
using Hub.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace Hub.Infrastructure.Pdf;

/// <summary>
/// Prints with Debian's headless Chromium as a child process: the HTML goes into a private temporary
/// folder with its own browser profile (the documents we print carry no script, and every word in
/// them is HTML-encoded; switching scripts off in Chromium stops it printing), the PDF is tagged
/// with a document outline,
/// and the folder is deleted afterwards. A missing browser, a crash or a timeout become a
/// <see cref="PdfUnavailableException"/>; partial output is never returned.
/// </summary>
public sealed class ChromiumPdfRenderer(string executablePath, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--no-pdf-header-footer", "--generate-pdf-document-outline",
    ];

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken)
    {
        if (!File.Exists(executablePath))
        {
            throw new PdfUnavailableException($"PDFs need the Chromium browser on the server, which is not installed at {executablePath}. Install it (on Debian: apt-get install chromium), or set Hub:Chromium:Path.");
        }
        var folder = Directory.CreateTempSubdirectory("hub-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "document.html");
            var output = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(input, html, cancellationToken);
            var start = new ProcessStartInfo(executablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var flag in Flags)
            {
                start.ArgumentList.Add(flag);
            }
            start.ArgumentList.Add($"--user-data-dir={Path.Combine(folder.FullName, "profile")}");
            start.ArgumentList.Add($"--print-to-pdf={output}");
            start.ArgumentList.Add(new Uri(input).AbsoluteUri);

            using var process = Process.Start(start) ?? throw new PdfUnavailableException("Chromium could not be started. Try again in a minute.");
            var drainOut = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var drainErr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfUnavailableException("Making the PDF took too long and was stopped. Try again in a minute.");
            }
            await Task.WhenAll(drainOut, drainErr);
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                logger.LogWarning("Chromium exited with code {ExitCode} without a PDF", process.ExitCode);
                throw new PdfUnavailableException("Chromium stopped before the PDF was finished. Try again in a minute.");
            }
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing; the temporary folder goes with the next clean-up.
            }
        }
    }
}
