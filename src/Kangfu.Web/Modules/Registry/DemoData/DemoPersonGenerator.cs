using System.Globalization;
using Kangfu.Web.Modules.Registry.Pinyin;

namespace Kangfu.Web.Modules.Registry.DemoData;

/// <summary>
/// Generates a realistic, reproducible district registry: valid ID and certificate numbers, common Chinese
/// names, the category mix of the 2006 national sample survey, an ageing population and children 0–6.
/// </summary>
public static class DemoPersonGenerator
{
    private static readonly string[] Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".Select(c => c.ToString()).ToArray();
    private static readonly string GivenChars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬建国志海春燕文辉晓东丹琳鑫宇浩然子涵思雨欣怡梓轩一诺佳豪俊宏婷雪梅颖慧博凯瑞琪峰波亮斌健宁浩晨阳新立德福荣淑珍凤兰秀兰桂芝";
    private static readonly (DisabilityCategory Category, int Weight)[] CategoryMix =
    [
        (DisabilityCategory.Visual, 149), (DisabilityCategory.Hearing, 242), (DisabilityCategory.Speech, 15),
        (DisabilityCategory.Physical, 291), (DisabilityCategory.Intellectual, 67), (DisabilityCategory.Mental, 74),
        (DisabilityCategory.Multiple, 163),
    ];
    private static readonly int[] GradeWeights = [15, 25, 30, 30];

    public static IEnumerable<Person> Generate(string districtCode, IReadOnlyList<string> communityCodes, int count, int seed, DateOnly today, DateTime now)
    {
        var random = new Random(seed);
        var usedIds = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var target = Pick(random, [(TargetType.Certified, 940), (TargetType.Child0To6, 40), (TargetType.Autism, 12), (TargetType.HighRiskNewborn, 8)]);
            var birth = target switch
            {
                TargetType.HighRiskNewborn => today.AddDays(-random.Next(1, 365)),
                TargetType.Child0To6 or TargetType.Autism => today.AddDays(-random.Next(180, 7 * 365)),
                _ => today.AddDays(-AdultAgeDays(random)),
            };
            var sex = random.Next(100) < 55 ? Sex.Male : Sex.Female;
            var id = NewId(random, districtCode, birth, sex, usedIds);
            var name = Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)]
                + (random.Next(100) < 70 ? GivenChars[random.Next(GivenChars.Length)].ToString() : "");
            var person = new Person
            {
                DistrictCode = districtCode,
                Id = Guid.CreateVersion7(),
                IdNumber = id,
                Name = name,
                NameInitials = PinyinInitials.Of(name),
                Sex = sex,
                BirthDate = birth,
                TargetType = target,
                AreaCode = communityCodes[random.Next(communityCodes.Count)],
                Address = $"{random.Next(1, 300)}号{random.Next(1, 30)}门{random.Next(101, 2502)}室",
                Phone = random.Next(100) < 85 ? "1" + "3578"[random.Next(4)] + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : null,
                Status = Pick(random, [(PersonStatus.Registered, 955), (PersonStatus.MovedOut, 20), (PersonStatus.Deceased, 20), (PersonStatus.Cancelled, 5)]),
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.CreateVersion7(),
            };
            if (target == TargetType.Certified)
            {
                Certify(person, random, today);
            }
            else if (target == TargetType.Autism)
            {
                person.Categories = CategorySet.Mental;
            }
            if (person.AgeOn(today) < 18 || person.Category is DisabilityCategory.Intellectual or DisabilityCategory.Mental)
            {
                person.GuardianName = Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + GivenChars[random.Next(GivenChars.Length)];
                person.GuardianRelation = person.AgeOn(today) < 18 ? GuardianRelation.Parent : Pick(random, [(GuardianRelation.Spouse, 4), (GuardianRelation.Sibling, 3), (GuardianRelation.Parent, 2), (GuardianRelation.Other, 1)]);
                person.GuardianPhone = "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            }
            yield return person;
        }
    }

    private static void Certify(Person person, Random random, DateOnly today)
    {
        var category = Pick(random, CategoryMix);
        var grade = 1 + PickIndex(random, GradeWeights);
        person.Category = category;
        person.Grade = grade;
        person.Categories = category == DisabilityCategory.Multiple ? MultipleSet(random) : DisabilityCategories.ToFlag(category);
        person.CertificateNumber = $"{person.IdNumber}{(int)category}{grade}";
        var earliest = person.BirthDate.AddYears(1) > today.AddYears(-10) ? person.BirthDate.AddYears(1) : today.AddYears(-10);
        var span = Math.Max(1, today.DayNumber - earliest.DayNumber);
        person.CertificateIssueDate = earliest.AddDays(random.Next(span));
        person.ReissueCount = random.Next(100) < 3 ? 1 : 0;
    }

    private static CategorySet MultipleSet(Random random)
    {
        var first = (CategorySet)(1 << random.Next(6));
        CategorySet second;
        do
        {
            second = (CategorySet)(1 << random.Next(6));
        }
        while (second == first);
        return first | second;
    }

    private static int AdultAgeDays(Random random)
    {
        // Disability prevalence rises with age: most certificate holders are over 45.
        var age = Pick(random, [(7, 4), (18, 8), (30, 12), (45, 22), (60, 30), (75, 20), (85, 4)]);
        return (age + random.Next(0, 12)) * 365 + random.Next(365);
    }

    private static string NewId(Random random, string district, DateOnly birth, Sex sex, HashSet<string> used)
    {
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var body = district + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            var id = body + ResidentId.ComputeCheckCharacter(body);
            if (used.Add(id))
            {
                return id;
            }
        }
    }

    private static T Pick<T>((T Value, int Weight)[] options, Random random) => options[PickIndex(random, options.Select(o => o.Weight).ToArray())].Value;

    private static T Pick<T>(Random random, (T Value, int Weight)[] options) => Pick(options, random);

    private static int PickIndex(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
