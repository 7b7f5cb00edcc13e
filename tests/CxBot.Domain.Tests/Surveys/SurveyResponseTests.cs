using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyResponseTests
{
    [Fact]
    public void For_SentSurvey_CopiesItsFactsAndTheAnswers()
    {
        var survey = SentSurvey();
        var answers = Answers();

        var response = SurveyResponse.For(survey, answers, "nl-NL", Now.AddHours(2), "customer-pseudonym");

        Assert.Equal(survey.SurveyId, response.SurveyId);
        Assert.Equal(survey.ContactId, response.ContactId);
        Assert.Equal(survey.DefinitionId, response.DefinitionId);
        Assert.Equal(survey.DefinitionVersion, response.DefinitionVersion);
        Assert.Equal(survey.Agent, response.Agent);
        Assert.Equal(survey.Queue, response.Queue);
        Assert.Equal(survey.Channel, response.Channel);
        Assert.Equal("customer-pseudonym", response.CustomerId);
        Assert.Equal("nl-NL", response.Locale);
        Assert.Same(answers, response.Answers);
        Assert.Equal(survey.ContactEndedAt, response.ContactEndedAt);
        Assert.Equal(survey.SentAt, response.SentAt);
        Assert.Equal(Now.AddHours(2), response.AnsweredAt);
        Assert.Null(response.FollowUpId);
        Assert.False(response.AnsweredAfterReminder);
    }

    [Fact]
    public void For_AnswersCallingForRecovery_NamesTheFollowUpAfterTheSurvey()
    {
        var survey = SentSurvey();

        var response = SurveyResponse.For(survey, Answers(csat: 1), "en-US", Now.AddHours(2), "customer-pseudonym");

        Assert.Equal(survey.SurveyId, response.FollowUpId);
    }

    [Fact]
    public void For_SurveyWithoutASentTime_UsesTheAnswerTime()
    {
        var response = SurveyResponse.For(ScheduledSurvey(), Answers(), "en-US", Now.AddHours(2), "customer-pseudonym");

        Assert.Equal(Now.AddHours(2), response.SentAt);
    }
}
