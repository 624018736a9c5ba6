using System.Diagnostics;
using System.Text;

namespace LicenseAllocation.Testing;

/// <summary>What a started process writes to its console (standard output and error, interleaved), read as it comes and kept for the test's messages.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _lines = new();

    /// <summary>Starts reading both streams of <paramref name="process"/>, which must redirect them.</summary>
    public static ProcessOutput Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.AppendLine(line);
        }
    }
}
