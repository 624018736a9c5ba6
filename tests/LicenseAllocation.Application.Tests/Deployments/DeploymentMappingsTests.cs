using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Tests.Import;
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
}
