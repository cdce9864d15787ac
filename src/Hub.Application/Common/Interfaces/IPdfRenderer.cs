namespace Hub.Application.Common.Interfaces;

/// <summary>
/// Prints a self-contained HTML document (inline CSS, no script, no external fetches) to a tagged
/// A4 PDF (docs/decisions/004). Throws <see cref="PdfUnavailableException"/> with what to do when
/// it cannot; nothing half-written is ever returned.
/// </summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken);
}

/// <summary>The PDF could not be made; the message says what to install or to try again.</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);
