using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.SavePerson;

namespace Kangfu.UnitTests.Registry;

public sealed class SavePersonRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SavePersonInput Valid() => new()
    {
        Name = "张三",
        IdNumber = "120116198503121235",
        TargetType = TargetType.Certified,
        CertificateNumber = "12011619850312123542",
        Category = DisabilityCategory.Physical,
        Grade = 2,
        AreaCode = "120116001016",
        Phone = "13812345678",
    };

    [Fact]
    public void A_complete_certified_adult_passes()
    {
        Assert.Empty(SavePersonRules.Validate(Valid(), Today));
    }

    [Theory]
    [InlineData("120116198503121234", "身份证号校验位错误")]
    [InlineData("12011619850312123", "身份证号应为18位，实际为17位")]
    [InlineData("120116202712011234", "身份证号中的出生日期晚于今天")]
    public void Id_number_errors_name_the_problem(string id, string message)
    {
        var input = Valid();
        input.IdNumber = id;

        Assert.Equal(message, SavePersonRules.Validate(input, Today)[nameof(input.IdNumber)]);
    }

    [Theory]
    [InlineData("12011619850312123552", "与所选残疾类别不一致")]
    [InlineData("12011619850312123541", "与所选残疾等级不一致")]
    [InlineData("12011620190708018X42", "前18位应与身份证号一致")]
    [InlineData("", "持证残疾人须填写残疾证号")]
    public void Certificate_must_match_id_category_and_grade(string certificate, string message)
    {
        var input = Valid();
        input.CertificateNumber = certificate;

        Assert.Contains(message, SavePersonRules.Validate(input, Today)[nameof(input.CertificateNumber)], StringComparison.Ordinal);
    }

    [Fact]
    public void Reissued_certificate_number_is_accepted()
    {
        var input = Valid();
        input.CertificateNumber = "12011619850312123542B1";

        Assert.Empty(SavePersonRules.Validate(input, Today));
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("12345678901")]
    [InlineData("电话")]
    public void Phone_must_be_a_mobile_or_landline(string phone)
    {
        var input = Valid();
        input.Phone = phone;

        Assert.True(SavePersonRules.Validate(input, Today).ContainsKey(nameof(input.Phone)));
    }

    [Fact]
    public void Multiple_disability_needs_two_components_and_a_minor_needs_a_guardian()
    {
        var input = Valid();
        input.IdNumber = "12011620190708018X";
        input.CertificateNumber = "12011620190708018X71";
        input.Category = DisabilityCategory.Multiple;
        input.Grade = 1;
        input.Components = CategorySet.Hearing;

        var errors = SavePersonRules.Validate(input, Today);

        Assert.Equal("多重残疾须至少选择两种残疾类别", errors[nameof(input.Components)]);
        Assert.Equal("未满18周岁的人员须登记监护人", errors[nameof(input.GuardianName)]);
    }

    [Fact]
    public void Status_change_needs_a_date_not_in_the_future()
    {
        var input = Valid();
        input.Status = PersonStatus.Deceased;
        Assert.True(SavePersonRules.Validate(input, Today).ContainsKey(nameof(input.StatusDate)));

        input.StatusDate = Today.AddDays(1);
        Assert.True(SavePersonRules.Validate(input, Today).ContainsKey(nameof(input.StatusDate)));

        input.StatusDate = Today;
        Assert.Empty(SavePersonRules.Validate(input, Today));
    }

    [Fact]
    public void Child_target_without_certificate_needs_no_certificate_but_must_be_under_seven()
    {
        var input = Valid();
        input.TargetType = TargetType.Child0To6;
        input.CertificateNumber = null;
        input.Category = null;
        input.Grade = null;

        Assert.Equal("该对象类别仅适用于0-6岁儿童，请核对出生日期或对象类别", SavePersonRules.Validate(input, Today)[nameof(input.TargetType)]);
    }
}
