using Dua.Testing;

namespace Dua.EndToEnd.Tests;

/// <summary>Finds the silo and gateway assemblies built beside this test assembly (same configuration).</summary>
internal static class BuildOutput
{
    public static string Silo => Find("hosts/Dua.Silo", "Dua.Silo.dll");

    public static string Gateway => Find("hosts/Dua.Gateway", "Dua.Gateway.dll");

    /// <summary>The configuration this assembly was built in (Release, Debug): deploy/run.sh --no-build starts its siblings.</summary>
    public static string Configuration => Here.Parent!.Name;

    // This assembly runs from tests/Dua.EndToEnd.Tests/bin/<Configuration>/<framework>/.
    private static DirectoryInfo Here => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    private static string Find(string projectFolder, string assembly)
    {
        var here = Here;
        var path = Path.Combine(RepositoryRoot.Path, projectFolder, "bin", here.Parent!.Name, here.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first.", path);
    }
}
