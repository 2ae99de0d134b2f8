using Dua.Testing;

namespace Dua.Benchmarks.Growth;

/// <summary>The silo program built next to this one: the same configuration and target framework.</summary>
internal static class BuildOutput
{
    public static string Silo
    {
        get
        {
            // This program runs from tools/Dua.Benchmarks.Growth/bin/<Configuration>/<framework>/.
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(RepositoryRoot.Path, "hosts", "Dua.Silo", "bin", here.Parent!.Name, here.Name, "Dua.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build hosts/Dua.Silo first.", path);
        }
    }
}
