using LicenseAllocation.Domain.Plans;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Plans;

public sealed class OfficialDocumentTests
{
    private const string Issuer = "Sở Thông tin và Truyền thông";

    [Fact]
    public void A_letter_dated_to_the_month_reads_as_in_the_seed_appendix()
    {
        var letter = new OfficialDocument("/STTTT-CNTT", new DateOnly(2020, 12, 1), DatePrecision.Month, Issuer, "UBND TỈNH ĐỒNG THÁP");

        letter.AppendixReference.ShouldBe("(Kèm theo Công văn số /STTTT-CNTT ngày tháng 12 năm 2020 của Sở Thông tin và Truyền thông)");
    }

    [Fact]
    public void Days_below_ten_and_months_below_three_take_a_leading_zero_as_Decree_30_requires()
    {
        var letter = new OfficialDocument("15/STTTT-CNTT", new DateOnly(2021, 2, 5), DatePrecision.Day, Issuer, "UBND TỈNH ĐỒNG THÁP");

        letter.DateText.ShouldBe("ngày 05 tháng 02 năm 2021");
    }

    [Fact]
    public void Months_from_March_are_written_without_a_leading_zero()
    {
        new OfficialDocument("1/X", new DateOnly(2021, 3, 15), DatePrecision.Day, Issuer, "UBND").DateText.ShouldBe("ngày 15 tháng 3 năm 2021");
    }
}
