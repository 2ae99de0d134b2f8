namespace Dua.EndToEnd.Tests;

/// <summary>Finds the silo and gateway assemblies built beside this test assembly (same configuration).</summary>
internal static class BuildOutput
{
    public static string Silo => Find("services/Dua.Silo", "Dua.Silo.dll");

    public static string Gateway => Find("gateway/Dua.Gateway", "Dua.Gateway.dll");

    private static string Find(string projectFolder, string assembly)
    {
        // .../tests/Dua.EndToEnd.Tests/bin/<Configuration>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, projectFolder, "bin", configuration, framework, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first.", path);
    }
}
