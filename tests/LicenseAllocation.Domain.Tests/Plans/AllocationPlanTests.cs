using LicenseAllocation.Domain.Plans;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Plans;

public sealed class AllocationPlanTests
{
    private static readonly DateTime Now = new(2021, 1, 6, 2, 0, 0, DateTimeKind.Utc);

    private static AllocationPlan Draft()
    {
        var plan = AllocationPlan.Create("Kế hoạch 2020", 2020, rootUnitId: 1, Now);
        plan.AttachDocument(new OfficialDocument("/STTTT-CNTT", new DateOnly(2020, 12, 1), DatePrecision.Month, "Sở Thông tin và Truyền thông", "UBND TỈNH ĐỒNG THÁP"));
        return plan;
    }

    private static OfficialDocument Letter() =>
        OfficialDocument.Issued("12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Phó Giám đốc Nguyễn Văn An", "Sở Thông tin và Truyền thông", "UBND TỈNH ĐỒNG THÁP");

    [Fact]
    public void Publishing_locks_the_plan_and_records_who_and_when()
    {
        var plan = Draft();

        plan.Publish(Letter(), "admin", Now);

        (plan.Status, plan.IsLocked, plan.PublishedBy, plan.PublishedAtUtc).ShouldBe((PlanStatus.Published, true, "admin", (DateTime?)Now));
        plan.Document!.Signer.ShouldBe("Phó Giám đốc Nguyễn Văn An");
        Should.Throw<InvalidOperationException>(() => plan.Publish(Letter(), "admin", Now));
    }

    [Fact]
    public void A_letter_without_a_signer_does_not_publish()
    {
        var unsigned = new OfficialDocument("12/STTTT-CNTT", new DateOnly(2021, 1, 5), DatePrecision.Day, "Sở", "UBND");

        Should.Throw<ArgumentException>(() => Draft().Publish(unsigned, "admin", Now));
    }

    [Fact]
    public void An_amendment_is_the_next_version_with_the_product_and_an_unissued_letter()
    {
        var plan = Draft();
        plan.DescribeProduct("Phần mềm X", "Hãng Y", new DateOnly(2021, 3, 1), new DateOnly(2024, 2, 29));
        plan.Publish(Letter(), "admin", Now);

        var amendment = AllocationPlan.AmendmentOf(plan, Now);

        (amendment.Version, amendment.Status, amendment.Name, amendment.ProductName, amendment.Vendor).ShouldBe((2, PlanStatus.Draft, "Kế hoạch 2020", "Phần mềm X", "Hãng Y"));
        var letter = amendment.Document.ShouldNotBeNull();
        (letter.Number, letter.Date, letter.Signer, letter.Issuer).ShouldBe((null, null, null, "Sở Thông tin và Truyền thông"));
    }

    [Fact]
    public void Only_a_published_plan_is_amended() =>
        Should.Throw<InvalidOperationException>(() => AllocationPlan.AmendmentOf(Draft(), Now));

    [Fact]
    public void A_licence_term_ends_after_it_starts() =>
        Should.Throw<ArgumentException>(() => Draft().DescribeProduct("Phần mềm X", null, new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 1)));

    [Fact]
    public void A_copy_is_a_first_version_of_its_own_without_product()
    {
        var plan = Draft();
        plan.DescribeProduct("Phần mềm X", null, null, null);

        var copy = AllocationPlan.CopyOf(plan, "Kế hoạch 2021", 2021, Now);

        (copy.Version, copy.AmendmentOfId, copy.Year, copy.ProductName, copy.RootUnitId).ShouldBe((1, (int?)null, 2021, (string?)null, 1));
    }

    [Fact]
    public void The_audit_reference_of_a_letter_gives_its_day()
    {
        Letter().Reference.ShouldBe("Công văn số 12/STTTT-CNTT ngày 05/01/2021");
    }
}
