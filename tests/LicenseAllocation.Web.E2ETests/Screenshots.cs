using Microsoft.Playwright;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// Screenshots of the portal for the user guide. They are always written next to the test assembly; with
/// <c>UPDATE_SCREENSHOTS=1</c> they also replace the committed copies in <c>docs/images/</c>.
/// </summary>
internal static class Screenshots
{
    public const string UpdateVariable = "UPDATE_SCREENSHOTS";

    public static async Task TakeAsync(IPage page, string fileName)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        // No hover highlight on whatever was clicked last.
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var images = Path.Combine(RepositoryRoot(), "docs", "images");
            Directory.CreateDirectory(images);
            File.Copy(path, Path.Combine(images, fileName), overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicenseAllocation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LicenseAllocation.sln was not found above {AppContext.BaseDirectory}.");
    }
}
