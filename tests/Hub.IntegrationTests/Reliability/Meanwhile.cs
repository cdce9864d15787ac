namespace Hub.IntegrationTests.Reliability;

/// <summary>
/// Two requests on one record at the same moment, made to happen rather than hoped for: for each
/// command the second request makes, in turn, the first request runs to the end (on its own scope and
/// connection) just before that command reaches the server. A double click or two colleagues can
/// interleave in any of those places; each is tried once.
/// </summary>
internal static class Meanwhile
{
    /// <summary>
    /// Counts the commands <paramref name="second"/> makes alone, then for each one arranges afresh,
    /// stores <paramref name="first"/> just before it and hands <paramref name="check"/> what the second
    /// then threw (null when it did not). Returns the number of commands.
    /// </summary>
    public static async Task<int> AtEveryCommandAsync<T>(this FailOnCommand interceptor, Func<Task<T>> arrange, Func<T, Task> first, Func<T, Task> second,
        Func<T, Exception?, string, Task> check)
    {
        var alone = await arrange();
        interceptor.FailWhen(_ => false, _ => null);
        await second(alone);
        var commands = interceptor.Seen;
        commands.ShouldBeGreaterThan(1, "a request that reads before it writes");

        for (var at = 1; at <= commands; at++)
        {
            var state = await arrange();
            var seen = 0;
            var target = at;
            interceptor.FailWhen(_ => ++seen == target, _ =>
            {
                Task.Run(() => first(state)).GetAwaiter().GetResult();
                return null;
            });
            Exception? thrown = null;
            try
            {
                await second(state);
            }
            catch (Exception ex)
            {
                thrown = ex;
            }
            var where = $"the first stored just before command {at} of {commands}";
            interceptor.Faults.ShouldBe(1, where);
            await check(state, thrown, where);
        }
        return commands;
    }
}
