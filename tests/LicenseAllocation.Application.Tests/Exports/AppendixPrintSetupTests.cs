using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>The official appendix, exported from the seeded plan and read back from the saved file with the OpenXml SDK.</summary>
public sealed class AppendixPrintSetupTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_saved_appendix_prints_to_decree_30_on_A4_portrait()
    {
        var file = await AppendixFileAsync();

        OfficialPrintChecks.ShouldPrintOfficially(file, AppendixWorkbook.SheetName, AppendixWorkbook.HeaderRow);
    }

    private async Task<byte[]> AppendixFileAsync()
    {
        var document = (await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, 1, Ct)).Value!;
        using var stream = new MemoryStream();
        AppendixWorkbook.Write(document, stream);
        return stream.ToArray();
    }
}
