namespace Dua.Testing;

/// <summary>The folder of the checked-out repository, found from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find() =>
        FindUpwards("Dua.Platform.sln")
        ?? throw new InvalidOperationException(
            $"No repository root (a folder with Dua.Platform.sln) above {AppContext.BaseDirectory}.");

    private static string? FindUpwards(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
