using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class AnswerParserTests
{
    private static readonly SurveyDefinition Everything = Definition(
        SurveyQuestion.Csat, SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Nps, SurveyQuestion.Driver);

    private static AnswerParseResult Parse(SurveyDefinition definition, params (string Id, string? Value)[] inputs) =>
        AnswerParser.Parse(definition, inputs.ToDictionary(i => i.Id, i => i.Value));

    private static SurveyAnswers Valid(SurveyDefinition definition, params (string Id, string? Value)[] inputs)
    {
        var result = Parse(definition, inputs);
        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        Assert.Empty(result.Errors);
        return result.Answers;
    }

    private static FieldError SingleError(SurveyDefinition definition, params (string Id, string? Value)[] inputs)
    {
        var result = Parse(definition, inputs);
        Assert.False(result.IsValid);
        Assert.Null(result.Answers);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_FullDefaultSurvey_ReturnsEveryAnswer()
    {
        var answers = Valid(SurveyDefinition.Default,
            ("csat", "4"), ("expectation", "better"), ("resolution", "partly"), ("driver", "empathy"),
            ("consent", "true"), ("comment", "Fijn geholpen!"));

        Assert.Equal(4, answers.Csat);
        Assert.Equal(ExpectationAnswer.Better, answers.Expectation);
        Assert.Equal(ResolutionAnswer.Partly, answers.Resolution);
        Assert.Equal(QualityDriver.Empathy, answers.Driver);
        Assert.True(answers.ContactConsent);
        Assert.Equal("Fijn geholpen!", answers.Comment);
        Assert.Null(answers.Nps);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("4.0", 4)]
    [InlineData(" 3 ", 3)]
    [InlineData("+2", 2)]
    public void Parse_CsatWholeNumberOnScale_Accepts(string value, int expected)
    {
        Assert.Equal(expected, Valid(Everything, ("csat", value)).Csat);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("3.5")]
    [InlineData("-1")]
    public void Parse_CsatOffScale_IsOutOfRange(string value)
    {
        Assert.Equal(new FieldError("csat", FieldErrorCodes.OutOfRange), SingleError(Everything, ("csat", value)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4,0")]
    [InlineData("4e0")]
    [InlineData("0x4")]
    [InlineData("four")]
    public void Parse_CsatNotANumber_IsNotANumber(string value)
    {
        Assert.Equal(new FieldError("csat", FieldErrorCodes.NotANumber), SingleError(Everything, ("csat", value)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_CsatMissing_IsRequired(string? value)
    {
        Assert.Equal(new FieldError("csat", FieldErrorCodes.Required), SingleError(Everything, ("csat", value)));
    }

    [Fact]
    public void Parse_CsatAbsent_IsRequired()
    {
        Assert.Equal(new FieldError("csat", FieldErrorCodes.Required), SingleError(Everything, ("expectation", "worse")));
    }

    [Fact]
    public void Parse_CsatNotAsked_IsNotRequiredAndIgnored()
    {
        var answers = Valid(Definition(SurveyQuestion.Nps), ("csat", "not even a number"), ("nps", "9"));

        Assert.Null(answers.Csat);
        Assert.Equal(9, answers.Nps);
        Assert.False(answers.Raw.ContainsKey("csat"));
    }

    [Fact]
    public void Parse_OptionalQuestionsMissing_LeavesThemNull()
    {
        var answers = Valid(Everything, ("csat", "3"), ("expectation", " "), ("resolution", ""), ("nps", null));

        Assert.Equal(3, answers.Csat);
        Assert.Null(answers.Expectation);
        Assert.Null(answers.Resolution);
        Assert.Null(answers.Nps);
        Assert.Null(answers.Driver);
        Assert.Null(answers.Comment);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    [InlineData("7.0", 7)]
    public void Parse_NpsOnScale_Accepts(string value, int expected)
    {
        Assert.Equal(expected, Valid(Everything, ("csat", "5"), ("nps", value)).Nps);
    }

    [Theory]
    [InlineData("11", FieldErrorCodes.OutOfRange)]
    [InlineData("-1", FieldErrorCodes.OutOfRange)]
    [InlineData("9.5", FieldErrorCodes.OutOfRange)]
    [InlineData("ten", FieldErrorCodes.NotANumber)]
    public void Parse_NpsInvalid_NamesTheProblem(string value, string code)
    {
        Assert.Equal(new FieldError("nps", code), SingleError(Everything, ("csat", "5"), ("nps", value)));
    }

    [Theory]
    [InlineData("worse", ExpectationAnswer.Worse)]
    [InlineData("as-expected", ExpectationAnswer.AsExpected)]
    [InlineData(" Better ", ExpectationAnswer.Better)]
    [InlineData("AS-EXPECTED", ExpectationAnswer.AsExpected)]
    public void Parse_ExpectationChoice_Accepts(string value, ExpectationAnswer expected)
    {
        Assert.Equal(expected, Valid(Everything, ("csat", "3"), ("expectation", value)).Expectation);
    }

    [Theory]
    [InlineData("yes", ResolutionAnswer.Yes)]
    [InlineData("Partly", ResolutionAnswer.Partly)]
    [InlineData(" NO", ResolutionAnswer.No)]
    public void Parse_ResolutionChoice_Accepts(string value, ResolutionAnswer expected)
    {
        Assert.Equal(expected, Valid(Everything, ("csat", "3"), ("resolution", value)).Resolution);
    }

    [Theory]
    [InlineData("expectation", "as expected")]
    [InlineData("expectation", "AsExpected")]
    [InlineData("resolution", "maybe")]
    [InlineData("driver", "price")]
    [InlineData("driver", "customer focus")]
    public void Parse_UnknownChoice_IsInvalidChoice(string field, string value)
    {
        Assert.Equal(new FieldError(field, FieldErrorCodes.InvalidChoice), SingleError(Everything, ("csat", "3"), (field, value)));
    }

    [Fact]
    public void Parse_EachQualityDriverInAnyCase_StoresItsKey()
    {
        Assert.All(QualityDriver.All, driver =>
            Assert.Equal(driver, Valid(Everything, ("csat", "3"), ("driver", driver.ToUpperInvariant())).Driver));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("Yes", true)]
    [InlineData("NO", false)]
    public void Parse_ConsentValue_Accepts(string value, bool expected)
    {
        Assert.Equal(expected, Valid(SurveyDefinition.Default, ("csat", "2"), ("consent", value)).ContactConsent);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("ja")]
    public void Parse_ConsentOtherValue_IsInvalidChoice(string value)
    {
        Assert.Equal(new FieldError("consent", FieldErrorCodes.InvalidChoice), SingleError(SurveyDefinition.Default, ("csat", "2"), ("consent", value)));
    }

    [Fact]
    public void Parse_ConsentNotAsked_IsIgnored()
    {
        Assert.Null(Valid(Everything, ("csat", "2"), ("consent", "true")).ContactConsent);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsOnePerField()
    {
        var result = Parse(Everything, ("csat", "9"), ("expectation", "meh"), ("nps", "x"), ("comment", new string('a', 1001)));

        Assert.Equal(
            [
                new FieldError("csat", FieldErrorCodes.OutOfRange),
                new FieldError("expectation", FieldErrorCodes.InvalidChoice),
                new FieldError("nps", FieldErrorCodes.NotANumber),
                new FieldError("comment", FieldErrorCodes.TooLong),
            ],
            result.Errors);
    }

    [Fact]
    public void Parse_Comment_IsTrimmedAndStripsControlCharactersButKeepsNewlinesAndTabs()
    {
        var answers = Valid(Everything, ("csat", "3"), ("comment", "  Line one\r\n\tline\u0000 two\u0007\u202E  \n"));

        Assert.Equal("Line one\n\tline two", answers.Comment);
    }

    [Fact]
    public void Parse_CommentAtLimitAfterTrimming_Accepts()
    {
        var comment = new string('a', SurveyDefinition.MaxCommentLength);

        Assert.Equal(comment, Valid(Everything, ("csat", "3"), ("comment", "  " + comment + "\n ")).Comment);
    }

    [Fact]
    public void Parse_CommentOverLimit_IsTooLong()
    {
        var comment = new string('a', SurveyDefinition.MaxCommentLength + 1);

        Assert.Equal(new FieldError("comment", FieldErrorCodes.TooLong), SingleError(Everything, ("csat", "3"), ("comment", comment)));
    }

    [Fact]
    public void Parse_CommentPaddedBeyondRawLimit_IsTooLong()
    {
        var comment = "ok" + new string(' ', AnswerParser.MaxRawLength);

        Assert.Equal(new FieldError("comment", FieldErrorCodes.TooLong), SingleError(Everything, ("csat", "3"), ("comment", comment)));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u0001\u0002")]
    public void Parse_CommentEmptyAfterCleaning_IsNull(string comment)
    {
        Assert.Null(Valid(Everything, ("csat", "3"), ("comment", comment)).Comment);
    }

    [Fact]
    public void Parse_Raw_HoldsAskedInputsAndCommentAsReceivedOnly()
    {
        var answers = Valid(Definition(SurveyQuestion.Csat, SurveyQuestion.Expectation, SurveyQuestion.Resolution),
            ("csat", " 4.0 "), ("expectation", "BETTER"), ("resolution", "  "), ("nps", "10"), ("comment", " hi "), ("surveyToken", "v1.x"));

        Assert.Equal(
            new Dictionary<string, string> { ["csat"] = " 4.0 ", ["expectation"] = "BETTER", ["comment"] = " hi " },
            answers.Raw);
        Assert.Null(answers.Nps);
    }

    private static readonly SurveyDefinition WithoutCsat = Definition(SurveyQuestion.Nps, SurveyQuestion.Driver, SurveyQuestion.Consent);

    [Fact]
    public void Parse_NothingAnsweredWithoutCsat_IsRefusedAsNoAnswer()
    {
        Assert.Equal(new FieldError(SurveyInputIds.Answers, FieldErrorCodes.NoAnswer), SingleError(WithoutCsat));
    }

    [Fact]
    public void Parse_OnlyBlanksAndConsentLeftOff_IsRefusedAsNoAnswer()
    {
        var error = SingleError(WithoutCsat, ("nps", " "), ("driver", ""), ("consent", "false"), ("comment", "  \u0001 "));

        Assert.Equal(new FieldError(SurveyInputIds.Answers, FieldErrorCodes.NoAnswer), error);
    }

    [Theory]
    [InlineData("nps", "0")]
    [InlineData("driver", "menu")]
    [InlineData("consent", "true")]
    [InlineData("comment", "Only a remark")]
    public void Parse_AnyOneAnswerWithoutCsat_IsAccepted(string id, string value)
    {
        Assert.True(Parse(WithoutCsat, (id, value)).IsValid);
    }

    [Fact]
    public void Parse_NothingAnsweredWithCsatAsked_IsRequiredNotNoAnswer()
    {
        Assert.Equal(new FieldError("csat", FieldErrorCodes.Required), SingleError(Everything));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData("3.0", 3)]
    public void Parse_CesOnItsScale_Accepts(string value, int expected)
    {
        Assert.Equal(expected, Valid(Definition(SurveyQuestion.Ces), ("ces", value)).Ces);
    }

    [Theory]
    [InlineData("0", FieldErrorCodes.OutOfRange)]
    [InlineData("6", FieldErrorCodes.OutOfRange)]
    [InlineData("2.5", FieldErrorCodes.OutOfRange)]
    [InlineData("easy", FieldErrorCodes.NotANumber)]
    public void Parse_CesOffItsScale_IsRefused(string value, string code)
    {
        Assert.Equal(new FieldError("ces", code), SingleError(Definition(SurveyQuestion.Csat, SurveyQuestion.Ces), ("csat", "4"), ("ces", value)));
    }

    [Fact]
    public void Parse_CesNotAsked_IsIgnored()
    {
        Assert.Null(Valid(Everything, ("csat", "4"), ("ces", "2")).Ces);
    }
}
