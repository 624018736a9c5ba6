using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Deployments;

public sealed class DeploymentMappingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_mapping_is_listed_after_the_presets_and_reads_its_export()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var mappings = new DeploymentMappings(database.Factory, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(51)));

        var saved = await mappings.SaveAsync(ImportBed.Admin, "Bkav  Endpoint", new ConsoleColumns("Mã máy", "Tên máy", "Nhóm", "Sản phẩm", LastSeen: "Lần cuối"), ";", "UTF-8", Ct);

        saved.Succeeded.ShouldBeTrue();
        var list = (await mappings.ListAsync(ImportBed.Admin, Ct)).Value!;
        list.Select(m => m.Name).ShouldBe(["Kaspersky Security Center", "ESET PROTECT", "Bkav Endpoint"]);
        var bkav = list[2];
        bkav.Delimiter.ShouldBe(';');
        bkav.Encoding.ShouldBe("utf-8");
        var report = ConsoleReportReader.Read(ConsoleExports.Utf8("Mã máy;Tên máy;Nhóm;Sản phẩm;Lần cuối\nb-1;PC 1;Xã Tân Thuận Đông;Bkav Pro;2021-02-20 10:00\n", bom: false), bkav, new DeploymentOptions(), Ct);
        report.Devices.Single().Group.ShouldBe("Xã Tân Thuận Đông");
    }

    [Fact]
    public async Task A_preset_cannot_be_overwritten_nor_a_mapping_saved_without_its_columns_or_by_another_role()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var mappings = new DeploymentMappings(database.Factory, TimeProvider.System);
        var columns = new ConsoleColumns("a", "b", "c", "d");

        (await mappings.SaveAsync(ImportBed.Admin, "eset protect", columns, null, null, Ct)).Issue!.ApiCode.ShouldBe("mapping-built-in");
        (await mappings.SaveAsync(ImportBed.Admin, "X", columns with { Group = " " }, null, null, Ct)).Issue!.ApiCode.ShouldBe("mapping-invalid");
        (await mappings.SaveAsync(ImportBed.Admin, "X", columns, "|", null, Ct)).Issue!.ApiCode.ShouldBe("mapping-invalid");
        (await mappings.SaveAsync(new Caller("auditor", PortalRole.Auditor), "X", columns, null, null, Ct)).Refusal.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_saved_mapping_renamed_keeps_its_columns_and_a_deleted_one_is_no_longer_listed_both_audited()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var mappings = new DeploymentMappings(database.Factory, TimeProvider.System);
        (await mappings.SaveAsync(ImportBed.Admin, "Bkav", new ConsoleColumns("Mã máy", "Tên máy", "Nhóm", "Sản phẩm"), ";", null, Ct)).Succeeded.ShouldBeTrue();
        (await mappings.SaveAsync(ImportBed.Admin, "Viettel", new ConsoleColumns("id", "name", "group", "product"), null, null, Ct)).Succeeded.ShouldBeTrue();

        var renamed = await mappings.RenameAsync(ImportBed.Admin, "Bkav", "Bkav Endpoint 2026", Ct);
        var deleted = await mappings.DeleteAsync(ImportBed.Admin, "Viettel", Ct);

        renamed.Value!.Columns.ShouldBe(new ConsoleColumns("Mã máy", "Tên máy", "Nhóm", "Sản phẩm"));
        renamed.Value.Delimiter.ShouldBe(';');
        deleted.Succeeded.ShouldBeTrue();
        (await mappings.ListAsync(ImportBed.Admin, Ct)).Value!.Select(m => m.Name).ShouldBe(["Kaspersky Security Center", "ESET PROTECT", "Bkav Endpoint 2026"]);
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        db.AuditEntries.Select(a => a.Action).ToList().ShouldBe(
            [AuditAction.DeploymentMappingSaved, AuditAction.DeploymentMappingSaved, AuditAction.DeploymentMappingRenamed, AuditAction.DeploymentMappingDeleted], ignoreOrder: true);
    }

    [Fact]
    public async Task A_preset_cannot_be_renamed_nor_deleted_a_name_cannot_be_taken_twice_and_only_the_administrator_may()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var mappings = new DeploymentMappings(database.Factory, TimeProvider.System);
        var columns = new ConsoleColumns("a", "b", "c", "d");
        (await mappings.SaveAsync(ImportBed.Admin, "A", columns, null, null, Ct)).Succeeded.ShouldBeTrue();
        (await mappings.SaveAsync(ImportBed.Admin, "B", columns, null, null, Ct)).Succeeded.ShouldBeTrue();

        (await mappings.RenameAsync(ImportBed.Admin, "ESET PROTECT", "Mine", Ct)).Issue!.ApiCode.ShouldBe("mapping-built-in");
        (await mappings.RenameAsync(ImportBed.Admin, "A", "kaspersky security center", Ct)).Issue!.ApiCode.ShouldBe("mapping-built-in");
        (await mappings.RenameAsync(ImportBed.Admin, "A", "B", Ct)).Issue!.ApiCode.ShouldBe("mapping-name-taken");
        (await mappings.RenameAsync(ImportBed.Admin, "A", "  ", Ct)).Issue!.ApiCode.ShouldBe("mapping-invalid");
        (await mappings.RenameAsync(ImportBed.Admin, "C", "D", Ct)).Issue!.ApiCode.ShouldBe("mapping-not-found");
        (await mappings.DeleteAsync(ImportBed.Admin, "Kaspersky Security Center", Ct)).Issue!.ApiCode.ShouldBe("mapping-built-in");
        (await mappings.DeleteAsync(ImportBed.Admin, "C", Ct)).Issue!.ApiCode.ShouldBe("mapping-not-found");
        (await mappings.DeleteAsync(new Caller("auditor", PortalRole.Auditor), "A", Ct)).Refusal.ShouldNotBeNull();
        (await mappings.RenameAsync(new Caller("cao-lanh", PortalRole.DistrictOfficer, 1), "A", "Z", Ct)).Refusal.ShouldNotBeNull();
        (await mappings.ListAsync(ImportBed.Admin, Ct)).Value!.Select(m => m.Name).ShouldBe(["Kaspersky Security Center", "ESET PROTECT", "A", "B"]);
    }
}
