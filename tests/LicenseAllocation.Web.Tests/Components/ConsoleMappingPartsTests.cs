using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Deployments;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The page of column mappings over real services: the presets and the saved ones, added, renamed and deleted by the administrator.</summary>
public sealed class ConsoleMappingPartsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private DeploymentMappings Mappings => Services.GetRequiredService<DeploymentMappings>();

    private async Task<IReadOnlyList<string>> NamesAsync() => [.. (await Mappings.ListAsync(Admin, Ct)).Value!.Select(m => m.Name)];

    private IRenderedComponent<ConsoleMappingList> RenderList(Caller caller)
    {
        Render<MudPopoverProvider>();
        var list = Render<ConsoleMappingList>(p => p.Add(c => c.Caller, caller));
        list.WaitForAssertion(() => list.FindAll("[data-testid='mapping']").Count.ShouldBeGreaterThanOrEqualTo(2));
        return list;
    }

    [Fact]
    public async Task An_administrator_adds_a_mapping_with_its_headers_and_it_is_listed_after_the_presets()
    {
        UseCulture("vi-VN");
        var list = RenderList(Admin);
        list.FindAll("[data-testid='mapping'][data-built-in='yes']").Count.ShouldBe(2);
        list.FindAll("button[data-testid='mapping-rename']").ShouldBeEmpty();

        list.Find("button[data-testid='mapping-add']").Click();
        list.Find("input[data-testid='mapping-name']").Change("Bkav Endpoint");
        list.Find("input[data-testid='mapping-FieldDeviceId']").Change("Mã máy");
        list.Find("input[data-testid='mapping-FieldDeviceName']").Change("Tên máy");
        list.Find("input[data-testid='mapping-FieldGroup']").Change("Nhóm");
        list.Find("input[data-testid='mapping-FieldProduct']").Change("Sản phẩm");
        list.Find("select[data-testid='mapping-delimiter']").Change(";");
        list.Find("button[data-testid='mapping-save']").Click();

        list.WaitForAssertion(() => list.Find("[data-testid='mappings-done']").TextContent.ShouldBe("Đã lưu mẫu “Bkav Endpoint”."));
        list.Find("[data-testid='mapping'][data-name='Bkav Endpoint']").TextContent.ShouldContain("Mã máy");
        var saved = (await Mappings.ListAsync(Admin, Ct)).Value!.Single(m => m.Name == "Bkav Endpoint");
        saved.Columns.ShouldBe(new ConsoleColumns("Mã máy", "Tên máy", "Nhóm", "Sản phẩm"));
        saved.Delimiter.ShouldBe(';');
    }

    [Fact]
    public async Task A_mapping_without_its_required_headers_or_under_a_name_taken_is_refused_with_the_reason_and_nothing_saved()
    {
        UseCulture("en-US");
        (await Mappings.SaveAsync(Admin, "Bkav", new ConsoleColumns("a", "b", "c", "d"), null, null, Ct)).Succeeded.ShouldBeTrue();
        var list = RenderList(Admin);

        list.Find("button[data-testid='mapping-add']").Click();
        list.Find("input[data-testid='mapping-name']").Change("Viettel");
        list.Find("input[data-testid='mapping-FieldDeviceId']").Change("id");
        list.Find("button[data-testid='mapping-save']").Click();
        list.WaitForAssertion(() => list.Find("[data-testid='mapping-form-problem']").TextContent.ShouldStartWith("The column mapping is not valid"));

        list.Find("input[data-testid='mapping-name']").Change("bkav");
        list.Find("button[data-testid='mapping-save']").Click();
        list.WaitForAssertion(() => list.Find("[data-testid='mapping-form-problem']").TextContent.ShouldBe("There is already a column mapping named “bkav”; choose another name."));

        (await NamesAsync()).ShouldBe(["Kaspersky Security Center", "ESET PROTECT", "Bkav"]);
        (await Mappings.ListAsync(Admin, Ct)).Value!.Single(m => m.Name == "Bkav").Columns.DeviceId.ShouldBe("a");
    }

    [Fact]
    public async Task A_saved_mapping_is_renamed_in_its_row_and_deleted_after_a_confirmation()
    {
        UseCulture("vi-VN");
        (await Mappings.SaveAsync(Admin, "Bkav", new ConsoleColumns("a", "b", "c", "d"), null, null, Ct)).Succeeded.ShouldBeTrue();
        var list = RenderList(Admin);

        list.Find("[data-testid='mapping'][data-name='Bkav'] button[data-testid='mapping-rename']").Click();
        list.Find("input[data-testid='mapping-new-name']").Change("Bkav Endpoint 2026");
        list.Find("button[data-testid='mapping-rename-save']").Click();
        list.WaitForAssertion(() => list.Find("[data-testid='mappings-done']").TextContent.ShouldBe("Đã đổi tên mẫu thành “Bkav Endpoint 2026”."));
        (await NamesAsync()).ShouldBe(["Kaspersky Security Center", "ESET PROTECT", "Bkav Endpoint 2026"]);

        list.Find("[data-testid='mapping'][data-name='Bkav Endpoint 2026'] button[data-testid='mapping-delete']").Click();
        list.Find("[data-testid='mapping-confirm']").TextContent.ShouldContain("Xoá mẫu “Bkav Endpoint 2026”?");
        (await NamesAsync()).Count.ShouldBe(3);
        list.Find("button[data-testid='mapping-delete-confirm']").Click();

        list.WaitForAssertion(() => list.Find("[data-testid='mappings-done']").TextContent.ShouldBe("Đã xoá mẫu “Bkav Endpoint 2026”."));
        list.FindAll("[data-testid='mapping']").Count.ShouldBe(2);
        (await NamesAsync()).ShouldBe(["Kaspersky Security Center", "ESET PROTECT"]);
    }

    [Fact]
    public async Task An_auditor_reads_the_mappings_without_changing_them_and_a_district_officer_is_refused()
    {
        UseCulture("vi-VN");
        (await Mappings.SaveAsync(Admin, "Bkav", new ConsoleColumns("a", "b", "c", "d"), null, null, Ct)).Succeeded.ShouldBeTrue();

        var auditor = RenderList(new Caller("auditor", PortalRole.Auditor));
        auditor.FindAll("[data-testid='mapping']").Count.ShouldBe(3);
        auditor.FindAll("button[data-testid='mapping-rename'], button[data-testid='mapping-delete'], button[data-testid='mapping-add']").ShouldBeEmpty();

        var officer = Render<ConsoleMappingList>(p => p.Add(c => c.Caller, new Caller("cao-lanh", PortalRole.DistrictOfficer, 25)));
        officer.WaitForAssertion(() => officer.Find("[data-testid='mappings-problem']").TextContent.ShouldNotBeNullOrWhiteSpace());
        officer.FindAll("[data-testid='mapping']").ShouldBeEmpty();
    }
}
