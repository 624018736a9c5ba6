using Microsoft.Playwright;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>Chooses a file (an Excel workbook, a console report) on a page's MudBlazor file input, as an official picks it in the file dialog.</summary>
internal static class ExcelUpload
{
    public const string MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FilePayload Payload(byte[] file, string name) => new() { Name = name, MimeType = MimeType, Buffer = file };

    /// <summary>
    /// The file input is wired to the server by a script that runs just after the page goes live, so a file chosen in
    /// that instant goes unnoticed: the choice is made again until the page answers.
    /// </summary>
    public static async Task ChooseAsync(IPage page, FilePayload file, ILocator answer)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]").First.SetInputFilesAsync(file);
            try
            {
                await answer.First.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Not wired yet; choose it again.
            }
        }
    }
}
