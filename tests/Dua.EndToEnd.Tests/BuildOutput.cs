using Dua.Testing;

namespace Dua.EndToEnd.Tests;

/// <summary>Finds the silo and gateway assemblies built beside this test assembly (same configuration).</summary>
internal static class BuildOutput
{
    public static string Silo => Find("services/Dua.Silo", "Dua.Silo.dll");

    public static string Gateway => Find("gateway/Dua.Gateway", "Dua.Gateway.dll");

    private static string Find(string projectFolder, string assembly)
    {
        // This assembly runs from tests/Dua.EndToEnd.Tests/bin/<Configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, projectFolder, "bin", here.Parent!.Name, here.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first.", path);
    }
}
