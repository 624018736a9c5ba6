using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LicenseAllocation.Benchmarks;

// A small harness rather than BenchmarkDotNet: what matters here is end-to-end behaviour (parallel writers on a real
// database file, a real process starting, a real browser rendering), measured a few times and reported as medians.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.FirstOrDefault() == FlatExport.ChildFlag)
{
    return await FlatExport.ChildAsync(args);
}

var repositoryRoot = RepositoryRoot.Find();
var output = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();

// --portal-log <folder>: every portal a measure starts writes its output (Information and up) to a file of its own there.
PortalProcess.LogFolder = args.SkipWhile(a => a != "--portal-log").Skip(1).FirstOrDefault() is { } logFolder ? Path.GetFullPath(logFolder) : null;

// --memory <path> [NAME=VALUE…]: only the memory per circuit of one page of the 2020 plan ({plan} = its id; {large} = the
// 20,000-unit plan's), on a portal started with the given extra environment variables (runtime or portal settings),
// printed on one line.
if (args is ["--memory", var memoryPath, .. var settings])
{
    var environment = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    Console.WriteLine(await BrowserTree.MemoryOnlyAsync(repositoryRoot, memoryPath, environment));
    return 0;
}

// --import: only the dry runs of an import of N and 2N rows; its section is printed and, with --write, put into the file
// in place of an earlier one of the same title.
// --console: only the import of a console report of 50,000 devices; printed and, with --write, put into the file.
if (args.Contains("--console"))
{
    await PrintSectionAsync(await ConsoleReportImport.RunAsync());
    return 0;
}

// --write-path [--short] [--label TEXT] [--warm-up SECONDS]: only the write path, raw SQL against the portal over HTTP
// on SQLite and PostgreSQL; printed and, with --write, put into the file. --short is CI's run: it fails unless it
// produced figures. --warm-up sets how long each side runs before it is measured.
if (args.Contains(WritePath.Flag))
{
    var quick = args.Contains(WritePath.ShortFlag);
    var label = args.SkipWhile(a => a != "--label").Skip(1).FirstOrDefault() ?? (quick ? "short run" : "full run");
    var warmUp = args.SkipWhile(a => a != "--warm-up").Skip(1).FirstOrDefault() is { } seconds
        ? TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
        : (TimeSpan?)null;
    var section = await WritePath.RunAsync(quick, label, warmUp);
    await PrintSectionAsync(section);
    return System.Text.RegularExpressions.Regex.IsMatch(section, @"\| PostgreSQL[^|]*\| [1-9]\d* \| [1-9]\d* \|") && System.Text.RegularExpressions.Regex.IsMatch(section, @"\| SQLite[^|]*\| [1-9]\d* \| [1-9]\d* \|") ? 0 : 1;
}

// --prepare <folder>: only the database the browser benchmark runs on (the 2020 plan and the 20,000-unit plan), left in
// <folder>/portal.db with the facts printed, to explore the large plan by hand in a portal started on it.
if (args is ["--prepare", var folder])
{
    Console.WriteLine(await BrowserTree.PrepareOnlyAsync(folder));
    return 0;
}

if (args.Contains("--import"))
{
    await PrintSectionAsync(await ImportDryRun.RunAsync());
    return 0;
}

// --browser: only the browser benchmark of the plan tree; its section (titled by --title) is printed and, with --write,
// put into the file in place of an earlier section of the same title, leaving the rest of the file as it is.
// --only 2020,open,search,district,edit,expand,memory: only those measures (for a quick look; the others are reported
// as not measured).
if (args.Contains("--browser"))
{
    var title = args.SkipWhile(a => a != "--title").Skip(1).FirstOrDefault();
    var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    if (only?.Except(BrowserTree.MeasureNames).ToList() is [_, ..] unknown)
    {
        Console.Error.WriteLine($"--only takes {string.Join(',', BrowserTree.MeasureNames)}; not {string.Join(',', unknown)}.");
        return 2;
    }

    await PrintSectionAsync(await BrowserTree.RunAsync(repositoryRoot, title, only));
    return 0;
}

var report = new StringBuilder();
report.AppendLine("# Benchmarks").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Measured on {DateTime.UtcNow:dd/MM/yyyy} (UTC) by `dotnet publish -c Release src/LicenseAllocation.Web -o artifacts/portal && dotnet run -c Release --project bench/LicenseAllocation.Benchmarks -- --write docs/benchmarks.md`.");
report.AppendLine().AppendLine("| Machine | |").AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| OS | {RuntimeInformation.OSDescription} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {Environment.ProcessorCount} logical cores, {MachineInfo.CpuModel()} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Memory | {MachineInfo.MemoryGiB():0.#} GiB |");
report.AppendLine(CultureInfo.InvariantCulture, $"| Runtime | {RuntimeInformation.FrameworkDescription} |").AppendLine();

report.Append(await EditThroughput.RunAsync());
report.Append(await StartupTime.RunAsync(repositoryRoot));
report.Append(await TreeRendering.RunAsync(repositoryRoot));
report.Append(await FlatExport.RunAsync());

Console.WriteLine(report);
if (output is not null)
{
    // The browser sections are measured by their own runs (--browser), so a full run keeps them.
    var path = Path.Combine(repositoryRoot, output);
    var kept = File.Exists(path) ? ReportSections.Marked(await File.ReadAllTextAsync(path)) : "";
    await File.WriteAllTextAsync(path, report.ToString() + kept);
}

return 0;

// A section measured by its own run: printed and, with --write, put in place of the earlier section of its title.
async Task PrintSectionAsync(string section)
{
    Console.WriteLine(section);
    if (output is not null)
    {
        var path = Path.Combine(repositoryRoot, output);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmarks\n";
        await File.WriteAllTextAsync(path, ReportSections.Upsert(existing, section));
    }
}
