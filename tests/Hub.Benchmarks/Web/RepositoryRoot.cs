namespace Hub.Benchmarks.Web;

internal static class RepositoryRoot
{
    /// <summary>The folder holding LivingWellHub.sln, above the current folder or above this program.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "LivingWellHub.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run this from inside the repository (LivingWellHub.sln was not found above the current folder).");
    }
}
