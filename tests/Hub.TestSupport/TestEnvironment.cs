using System.Diagnostics.CodeAnalysis;

namespace Hub.TestSupport;

public static class TestEnvironment
{
    /// <summary>Under CI a missing PostgreSQL or browser is a failure, never a silent skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [DoesNotReturn]
    public static void SkipOrFail(string reason)
    {
        if (IsCi)
        {
            throw new InvalidOperationException("Required for CI: " + reason);
        }
        throw new SkipException(reason);
    }
}
