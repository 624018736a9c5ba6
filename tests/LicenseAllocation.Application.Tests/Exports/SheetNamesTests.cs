using LicenseAllocation.Application.Exports;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

public sealed class SheetNamesTests
{
    [Fact]
    public void A_district_name_that_is_already_valid_is_kept()
    {
        new SheetNames().Next("Thành phố Cao Lãnh").ShouldBe("Thành phố Cao Lãnh");
    }

    [Fact]
    public void Characters_Excel_refuses_in_sheet_names_are_replaced()
    {
        new SheetNames().Next("Phòng [A]: Tài chính/Kế hoạch*?\\").ShouldBe("Phòng -A-- Tài chính-Kế hoạch--");
    }

    [Fact]
    public void A_long_name_is_cut_to_31_characters_without_a_trailing_space()
    {
        var name = new SheetNames().Next("Ủy ban nhân dân huyện Tam Nông tỉnh Đồng Tháp");

        name.Length.ShouldBeLessThanOrEqualTo(31);
        name.ShouldBe("Ủy ban nhân dân huyện Tam Nông");
    }

    [Fact]
    public void Twins_are_told_apart_regardless_of_case_and_stay_within_31_characters()
    {
        var names = new SheetNames();

        names.Next("Huyện Lai Vung").ShouldBe("Huyện Lai Vung");
        names.Next("HUYỆN LAI VUNG").ShouldBe("HUYỆN LAI VUNG (2)");
        names.Next("Huyện Lai Vung").ShouldBe("Huyện Lai Vung (3)");
        var longName = new string('x', 40);
        names.Next(longName).ShouldBe(new string('x', 31));
        names.Next(longName).ShouldBe(new string('x', 27) + " (2)");
    }

    [Theory]
    [InlineData("'Phường 1'", "Phường 1")]
    [InlineData("   ", "Trang 1")]
    [InlineData("History", "Trang 1")]
    public void Names_Excel_cannot_use_are_replaced(string wanted, string expected)
    {
        new SheetNames().Next(wanted).ShouldBe(expected);
    }
}
