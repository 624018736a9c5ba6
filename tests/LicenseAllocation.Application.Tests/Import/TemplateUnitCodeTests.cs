using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>
/// Every unit a template lists carries a code: its statistical code, or the portal's internal code ("NB" and its
/// number) for an agency. A fresh template therefore reads back unchanged even when two names read alike, and a name
/// that reads like a sibling's is refused on every path that names a unit.
/// </summary>
public sealed class TemplateUnitCodeTests : IAsyncLifetime
{
    private ImportBed _bed = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await ImportBed.CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_agency_without_a_statistical_code_is_listed_with_its_internal_code()
    {
        var agency = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;

        var document = (await _bed.Templates.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, _bed.CaoLanh, Ct)).Value!;

        document.Rows.Single(r => r.Name == "Phòng Nội vụ").Code.ShouldBe($"NB{agency.UnitId}");
        document.Rows.Where(r => r.Name.StartsWith("Phường", StringComparison.Ordinal)).ShouldAllBe(r => r.Code != null && r.Code.All(char.IsAsciiDigit));
    }

    [Fact]
    public async Task A_fresh_template_reads_back_unchanged_even_when_two_agencies_names_read_alike()
    {
        var first = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;
        var second = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ 2", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;
        (await _bed.Quantities.ChangeAsync(ImportBed.Admin, new LicenseAllocation.Application.Allocations.ChangeQuantity(_bed.PlanId, first.UnitId, 7, "Giao"), Ct)).Error.ShouldBeNull();

        // Names written before sibling names were compared: the same name but for its case.
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            await db.Units.Where(u => u.Id == second.UnitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "phòng nội vụ"), Ct);
        }

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh));

        report.Errors.ShouldBeEmpty();
        report.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_internal_code_finds_its_unit_when_quantities_are_filled_in()
    {
        var first = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;
        var second = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Tư pháp", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            await db.Units.Where(u => u.Id == second.UnitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "phòng nội vụ"), Ct);
        }

        var file = WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var row = sheet.Column(2).CellsUsed().Single(c => c.GetString() == $"NB{second.UnitId}").Address.RowNumber;
            sheet.Cell(row, 4).SetValue(9);
        });

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.ShouldBeEmpty();
        report.Changes.Select(c => (c.UnitId, c.New)).ShouldBe([(second.UnitId, 9)]);
        first.UnitId.ShouldNotBe(second.UnitId);
    }

    [Fact]
    public async Task An_internal_code_of_a_unit_elsewhere_is_refused_as_unknown()
    {
        await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct);
        var provincial = await SeededPlan.UnitIdAsync(_bed.Database.Factory, "Sở Tài chính");
        var file = WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            WorkbookFiles.TextCell(sheet, "Phòng Nội vụ").CellLeft().SetValue($"NB{provincial}");
        });

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.Select(e => e.Code).ShouldContain(ImportErrorCode.UnknownUnit);
    }

    [Fact]
    public async Task A_fresh_template_of_every_district_reads_back_unchanged()
    {
        List<int> districts;
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            districts = await db.Units.Where(u => u.Kind == UnitKind.DistrictCommittee).Select(u => u.Id).ToListAsync(Ct);
        }

        (await _bed.Units.AddStandardDistrictAgenciesAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, Ct)).Error.ShouldBeNull();
        (await _bed.Units.AddStandardDistrictAgenciesAsync(ImportBed.Admin, _bed.PlanId, _bed.SaDec, Ct)).Error.ShouldBeNull();

        districts.Count.ShouldBe(SeedFacts.Districts);
        foreach (var district in districts)
        {
            var report = await _bed.PreviewAsync(ImportBed.Admin, await _bed.TemplateAsync(ImportBed.Admin, district));
            report.Errors.ShouldBeEmpty($"district {district}");
            report.Changes.ShouldBeEmpty($"district {district}");
        }
    }

    [Theory]
    [InlineData("phòng nội vụ")]
    [InlineData("PHÒNG  NỘI VỤ")]
    [InlineData("Pho\u0300ng Nô\u0323i vu\u0323")]
    public async Task A_name_that_reads_like_a_siblings_is_refused_on_adding_and_renaming(string name)
    {
        await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct);
        var other = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Tư pháp", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;

        var added = await _bed.Units.AddUnitAsync(_bed.CaoLanhOfficer, _bed.PlanId, _bed.CaoLanh, name, UnitKind.DistrictAgency, cancellationToken: Ct);
        var renamed = await _bed.Units.UpdateUnitAsync(_bed.CaoLanhOfficer, _bed.PlanId, other.UnitId, name: name, cancellationToken: Ct);

        added.Error.ShouldBe(AllocationError.DuplicateName("Phòng Nội vụ"));
        renamed.Error.ShouldBe(AllocationError.DuplicateName("Phòng Nội vụ"));
        Common.RefusalMessages.Describe(added.Error!, System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldBe("Đơn vị cùng cấp trên đã có tên \"Phòng Nội vụ\" (so sánh không phân biệt chữ hoa, chữ thường và cách gõ dấu). Hãy chọn tên khác.");
    }

    [Fact]
    public async Task The_standard_agencies_are_not_added_again_beside_a_name_that_reads_alike()
    {
        await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "phòng nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct);

        (await _bed.Units.AddStandardDistrictAgenciesAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, Ct)).Error.ShouldBeNull();

        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        var names = await db.Units.Where(u => u.ParentId == _bed.CaoLanh).Select(u => u.Name).ToListAsync(Ct);
        names.Count(n => UnitName.MatchKey(n) == UnitName.MatchKey("Phòng Nội vụ")).ShouldBe(1);
    }
}
