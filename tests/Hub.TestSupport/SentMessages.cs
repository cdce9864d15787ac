using Hub.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.TestSupport;

/// <summary>
/// Plan links are minted when their message is sent (docs/decisions/030), so a test that needs one
/// sends what is due through a capturing SMTP step and reads the email as it went.
/// </summary>
public static class SentMessages
{
    /// <summary>Sends every due email; returns the body of the newest one to <paramref name="to"/> for <paramref name="purpose"/>.</summary>
    public static async Task<string> DispatchAndReadAsync(IServiceProvider services, string to, string purpose = "plan-link")
    {
        await using var scope = services.CreateAsyncScope();
        return await DispatchAndReadInScopeAsync(scope.ServiceProvider, to, purpose);
    }

    public static async Task<string> DispatchAndReadInScopeAsync(IServiceProvider scoped, string to, string purpose = "plan-link")
    {
        var capture = new CapturingSmtpSender();
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(scoped, capture);
        await dispatcher.DispatchAsync("test-reader", 500, CancellationToken.None);
        return capture.Sent.Last(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Purpose == purpose).Body;
    }

    /// <summary>All the bodies sent to <paramref name="to"/> for <paramref name="purpose"/> in one dispatch, oldest first.</summary>
    public static async Task<List<string>> DispatchAndReadAllAsync(IServiceProvider scoped, string to, string purpose = "plan-link")
    {
        var capture = new CapturingSmtpSender();
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(scoped, capture);
        await dispatcher.DispatchAsync("test-reader", 500, CancellationToken.None);
        return capture.Sent.Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Purpose == purpose).Select(m => m.Body).ToList();
    }
}
