using System.Diagnostics;

namespace LicenseAllocation.Testing;

/// <summary>The end of a throwaway server a test started: its process and the folder it worked in.</summary>
internal static class TestProcess
{
    /// <summary>Kills what still runs of <paramref name="process"/> and its children, then deletes <paramref name="folder"/> if it can.</summary>
    public static async Task StopAsync(Process process, string folder)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless: the OS's temp cleaner takes it.
        }
    }
}
