using System.Reflection;

namespace LicenseAllocation.Web.Tests.Localization;

/// <summary>Where the sources and the components' generated C# of this build are (written into the assembly by the test project).</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string RazorGenerated => Metadata("RazorGeneratedPath");

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"{key} is not set by the test project.");
}
