using Hub.Domain.Common;
using Bogus;
using Hub.Application.Common;
using Hub.Application.Conversations;
using Hub.Application.SupportPlans;
using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Conversations;
using Hub.Domain.Outcomes;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Hub.Domain.Triage;
using Person = Hub.Domain.People.Person;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>
/// Tells the story of each referral, oldest first, through the domain's own constructors and
/// methods: who the person is, who referred them, triage, the first conversation and its DIALOG
/// and GBO baseline, the lead worker, the plan they agreed, contacts, a review, and closing. Only
/// what has happened by "now" is written, so recent referrals are still waiting or in progress.
/// People whose spell ended may come back later: their new spell follows on from the old one,
/// starts from what they said before and is often led by the same worker.
/// </summary>
internal sealed class ReferralHistoryGenerator
{
    /// <summary>How long after a spell ends its person may still come back in this history.</summary>
    private static readonly TimeSpan ReturnWithin = TimeSpan.FromDays(3 * 365);

    private const float ReturningShare = 0.15f;
    private const int MaxPeopleWhoMayReturn = 20_000;
    private const int MaxContacts = 8;

    private static readonly string[] DialogItems = [.. BuiltInMeasures.DialogLifeAreas, .. BuiltInMeasures.DialogTreatmentItems];

    private readonly BulkSeedOptions _options;
    private readonly DateTimeOffset _now;
    private readonly TimeSpan _interval;
    private readonly BulkStaff _staff;
    private readonly Faker _faker;
    private readonly Randomizer _random;
    private readonly ReferenceSequence _references;
    private readonly Action<object, string, object?> _setState;
    private readonly PriorityQueue<Returner, DateTimeOffset> _notBackYet = new();
    private readonly List<Returner> _mayReturn = [];
    private int _next;

    /// <param name="setState">Sets a property the domain has no method for, through the EF model (a referral's source).</param>
    public ReferralHistoryGenerator(BulkSeedOptions options, DateTimeOffset now, BulkStaff staff, Faker faker, Action<object, string, object?> setState)
    {
        _options = options;
        _now = now;
        _interval = TimeSpan.FromDays(7) / options.PerWeek;
        _staff = staff;
        _faker = faker;
        _random = faker.Random;
        _setState = setState;
        _references = new ReferenceSequence(_random);
    }

    public int Written => _next;

    public bool Done => _next >= _options.Referrals;

    public BulkBatch Next(int count)
    {
        var batch = new BulkBatch();
        for (var end = Math.Min(_options.Referrals, _next + count); _next < end; _next++)
        {
            Tell(batch, _next);
        }
        return batch;
    }

    /// <summary>Referral <paramref name="index"/> of N (0 the oldest): a fixed number a week, back from now.</summary>
    private DateTimeOffset ReceivedAt(int index) =>
        _now - _interval * (_options.Referrals - 1 - index + _random.Double(0.02, 0.98));

    private void Tell(BulkBatch batch, int index)
    {
        var at = ReceivedAt(index);
        var returner = Returning(at);
        var person = returner?.Person ?? NewPerson(at);
        if (returner is null)
        {
            batch.People.Add(person);
        }

        var spell = new ReferralSpell(person.Id, at);
        if (returner is not null)
        {
            spell.FollowOn(returner.Spell);
        }
        batch.Spells.Add(spell);
        var referral = NewReferral(index, person, spell, at, returning: returner is not null);
        batch.Referrals.Add(referral);

        var story = new Story(batch, person, spell, referral, returner);
        if (Triage(story, at) is { } triagedAt)
        {
            Care(story, triagedAt);
        }
    }

    // ---- The person and the referral ------------------------------------------------------

    private Person NewPerson(DateTimeOffset at)
    {
        var firstName = _faker.Name.FirstName();
        var name = _random.Bool(0.95f) ? firstName : null;
        DateOnly? dateOfBirth = _random.Bool(0.85f)
            ? DateOnly.FromDateTime(at.UtcDateTime).AddYears(-Age()).AddDays(-_random.Number(0, 364))
            : null;
        var neighbourhood = _random.WeightedRandom(BulkStaff.Neighbourhoods, NeighbourhoodWeights);
        var postcode = _random.Bool(0.8f) ? $"{neighbourhood.District} {_random.Number(1, 9)}{_random.String2(2, "ABDEFGHJLNPQRSTUWXYZ")}" : null;

        var method = _random.WeightedRandom(ContactMethods, ContactMethodWeights);
        var phone = method is ContactMethod.Phone or ContactMethod.Text || (method == ContactMethod.Email && _random.Bool(0.5f)) ? Phone() : null;
        var email = method == ContactMethod.Email || _random.Bool(0.15f) ? Email(firstName) : null;
        bool? safeToLeaveMessage = phone is null ? null : _random.Bool(0.15f) ? null : _random.Bool(0.8f);
        var contact = new ContactDetails(method, phone, email, safeToLeaveMessage);

        var language = _random.Bool(0.08f) ? _faker.PickRandom(BulkPhrases.Languages) : null;
        var communication = new CommunicationNeeds(language, language is not null && _random.Bool(0.5f),
            _random.Bool(0.05f) ? _faker.PickRandom(BulkPhrases.AccessNeeds) : null);

        var person = new Person(name, dateOfBirth, postcode, contact, communication, Equality(), at);
        if (postcode is not null || _random.Bool(0.5f))
        {
            person.SetNeighbourhood(neighbourhood.Name);
        }
        if (_random.Bool(0.15f))
        {
            person.SetPreferences(new SupportPreferences(_random.Bool(0.4f), _random.Bool(0.4f) ? _random.Enum<Hub.Domain.Directory.WorkerGender>() : null,
                _random.Bool(0.3f) ? [DayOfWeek.Saturday] : [], _random.Bool(0.3f)));
        }
        return person;
    }

    private int Age() => _random.Double() switch
    {
        < 0.25 => _random.Number(18, 25),
        < 0.60 => _random.Number(26, 40),
        < 0.88 => _random.Number(41, 60),
        _ => _random.Number(61, 90),
    };

    /// <summary>Numbers from the ranges Ofcom keeps for drama, so none can reach a real person.</summary>
    private string Phone() => _random.Double() switch
    {
        < 0.85 => $"07700 900{_random.Number(0, 999):000}",
        < 0.95 => $"020 7946 0{_random.Number(0, 999):000}",
        _ => $"0161 496 0{_random.Number(0, 999):000}",
    };

    /// <summary>Addresses at the domains reserved for examples, so nothing can be delivered.</summary>
    private string Email(string firstName)
    {
        var local = new string(firstName.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        return $"{(local.Length == 0 ? "someone" : local)}.{_random.Number(10, 99_999)}@example.{_faker.PickRandom("org", "net", "com")}";
    }

    private EqualityMonitoring Equality()
    {
        var ethnicity = _random.Double() switch
        {
            < 0.20 => null,
            < 0.27 => EqualityMonitoring.PreferNotToSay,
            _ => _random.WeightedRandom(EthnicCodes, EthnicWeights),
        };
        return new EqualityMonitoring(ethnicity,
            Answer(GenderAnswers, GenderWeights), Answer(OrientationAnswers, OrientationWeights), Answer(DisabilityAnswers, DisabilityWeights));
    }

    /// <summary>Missing for about one in five, "prefer not to say" for some, otherwise one of the answers offered.</summary>
    private string? Answer(string[] offered, float[] weights) =>
        _random.Double() switch
        {
            < 0.20 => null,
            < 0.27 => EqualityMonitoring.PreferNotToSay,
            _ => _random.WeightedRandom(offered, weights),
        };

    private Referral NewReferral(int index, Person person, ReferralSpell spell, DateTimeOffset at, bool returning)
    {
        var words = _random.Bool(0.4f)
            ? $"{_faker.PickRandom(BulkPhrases.WhatIsHappening)} {_faker.PickRandom(BulkPhrases.WhatIsHappening)}"
            : _faker.PickRandom(BulkPhrases.WhatIsHappening);
        var referral = Referral.SelfReferral(_references.At(index), person, spell, at, words,
            _random.Bool(0.6f) ? _faker.PickRandom(BulkPhrases.WhatWouldHelp) : null, _random.Bool(0.88f), _random.Guid());

        // Only the public form has a factory; other sources are what staff record for someone else.
        var source = _random.WeightedRandom(Sources, SourceWeights);
        if (source != ReferralSource.Self)
        {
            _setState(referral, nameof(Referral.Source), source);
            _setState(referral, nameof(Referral.FormToken), null);
        }
        if (returning)
        {
            // Staff confirmed the suggested earlier record, which is how the person is back on it.
            referral.MarkMatchReviewed();
        }
        return referral;
    }

    // ---- Triage ------------------------------------------------------------------------------

    /// <summary>Records triage when it has happened by now; returns its time if the referral stays open.</summary>
    private DateTimeOffset? Triage(Story story, DateTimeOffset receivedAt)
    {
        var outcome = _random.WeightedRandom(Outcomes, OutcomeWeights);
        var triagedAt = outcome == TriageOutcome.NoResponseAfterAttempts
            ? receivedAt + TimeSpan.FromDays(_random.Double(5, 10))
            : receivedAt + TimeSpan.FromHours(_random.Bool(0.75f) ? _random.Double(1, 30) : _random.Double(30, 120));
        if (triagedAt > _now)
        {
            return null;
        }

        var triager = _staff.PickTriager(_faker);
        var attempts = outcome == TriageOutcome.NoResponseAfterAttempts ? 3 : _random.Bool(0.25f) ? 1 : 0;
        for (var i = 1; i <= attempts; i++)
        {
            var at = receivedAt + (triagedAt - receivedAt) * i / (attempts + 1);
            story.Batch.Attempts.Add(story.Referral.RecordAttempt(at, _faker.PickRandom(AttemptMethod.Phone, AttemptMethod.Text, AttemptMethod.Email),
                _faker.PickRandom(AttemptResult.NoAnswer, AttemptResult.LeftMessage, AttemptResult.SentMessage), null, triager.Id, at));
        }

        story.Referral.RecordOutcome(outcome, _random.Bool(0.3f) ? _faker.PickRandom(BulkPhrases.TriageNotes) : null, triager.Id, triagedAt);
        if (outcome.ClosesReferral())
        {
            story.Spell.End(triagedAt);
            MayComeBack(story, null, null, triagedAt);
            return null;
        }
        story.Triager = triager;
        return triagedAt;
    }

    // ---- Care after triage -------------------------------------------------------------------

    private enum Path
    {
        /// <summary>Booked, but the person could not be reached.</summary>
        NotReached,
        /// <summary>One conversation, perhaps a plan, and closing within days.</summary>
        Brief,
        /// <summary>A lead worker, a plan, contacts over weeks, usually a review.</summary>
        Ongoing,
    }

    private void Care(Story story, DateTimeOffset triagedAt)
    {
        var path = _random.Double() switch { < 0.07 => Path.NotReached, < 0.62 => Path.Brief, _ => Path.Ongoing };
        var conversationAt = story.Referral.Outcome == TriageOutcome.SameDayUrgentResponse
            ? triagedAt + TimeSpan.FromHours(_random.Double(1, 8))
            : triagedAt + TimeSpan.FromDays(_random.Bool(0.7f) ? _random.Double(1, 6) : _random.Double(6, 14));

        if (path == Path.NotReached)
        {
            var triager = story.Triager!;
            AddContact(story, conversationAt, triager, attended: false);
            AddContact(story, conversationAt + TimeSpan.FromDays(7), triager, attended: false);
            Close(story, SpellClosureReason.NotReachedAfterSeveralTries, triager, conversationAt + TimeSpan.FromDays(_random.Double(10, 20)));
            return;
        }
        if (conversationAt > _now)
        {
            return;
        }

        var lead = story.Returner?.Lead is { } last && _random.Bool(0.7f) ? last : _staff.PickLead(_faker);
        var (conversation, completedAt) = FirstConversation(story, lead, conversationAt);
        var completed = conversation.Status == ConversationStatus.Completed;

        DateTimeOffset? reviewAt;
        DateTimeOffset closesAt;
        if (path == Path.Brief)
        {
            closesAt = completedAt + TimeSpan.FromDays(_random.Double(0.5, 10));
            reviewAt = completed && _random.Bool(0.25f) ? closesAt - TimeSpan.FromHours(2) : null;
        }
        else
        {
            reviewAt = completed && _random.Bool(0.85f) ? completedAt + TimeSpan.FromDays(_random.Double(28, 49)) : null;
            closesAt = (reviewAt ?? completedAt + TimeSpan.FromDays(_random.Double(35, 70))) + TimeSpan.FromDays(_random.Double(0.5, 35));
        }

        if (path == Path.Ongoing || _random.Bool(0.5f))
        {
            // Within days of the conversation, and always before the spell closes.
            var joinedAt = completedAt + Min(TimeSpan.FromDays(_random.Double(0, 5)), (closesAt - completedAt) * 0.3);
            JoinCareTeam(story, lead, CareTeamRole.Lead, joinedAt);
            if (path == Path.Ongoing && _random.Bool(0.3f))
            {
                JoinCareTeam(story, _staff.PickInvolved(_faker, lead), CareTeamRole.Involved, joinedAt + (closesAt - joinedAt) * _random.Double(0.05, 0.3));
            }
        }
        if (completed && _random.Bool(path == Path.Ongoing ? 0.9f : 0.6f))
        {
            AgreePlan(story, conversation.Content, lead, completedAt, closesAt);
        }

        var more = path == Path.Ongoing ? _random.Number(1, MaxContacts - 2) : _random.Number(0, 1);
        var until = Min(closesAt, _now);
        foreach (var at in Enumerable.Range(0, more).Select(_ => conversationAt + (until - conversationAt) * _random.Double(0.1, 1)).Order())
        {
            AddContact(story, at, lead, attended: _random.Bool(0.85f));
        }
        if (reviewAt is { } review && review <= _now && review < closesAt)
        {
            Review(story, conversation, lead, review);
        }
        Close(story, _random.WeightedRandom(ClosureReasons, path == Path.Brief ? BriefClosureWeights : OngoingClosureWeights), lead, closesAt,
            completed ? conversation : null);
    }

    /// <summary>
    /// The first conversation, held as a contact, starting from what a returning person said last
    /// time. Most are completed (the spell's assessment and baseline); the rest stay drafts.
    /// </summary>
    private (Conversation Conversation, DateTimeOffset CompletedAt) FirstConversation(Story story, BulkMember lead, DateTimeOffset at)
    {
        var conversation = story.Returner?.Conversation is { } earlier
            ? Conversation.StartFirstCarryingForward(earlier, story.Spell.Id, story.Referral.Id, lead.Id, at)
            : Conversation.StartFirst(story.Person.Id, story.Spell.Id, story.Referral.Id, lead.Id, at);
        story.Batch.Conversations.Add(conversation);
        AddContact(story, at, lead, attended: true, TimeSpan.FromMinutes(_random.Number(40, 90)));

        var content = story.Returner?.Conversation is not null
            ? conversation.Content with { Dialog = Dialog(_ => _random.Number(1, 5)), Goals = RatedGoals(conversation.Content.Goals) }
            : FirstContent();
        var completedAt = at + (_random.Bool(0.9f) ? TimeSpan.FromMinutes(_random.Number(30, 90)) : TimeSpan.FromDays(_random.Double(1, 5)));
        if (!_random.Bool(0.92f) || completedAt > _now)
        {
            conversation.SaveDraft(content, lead.Id, at + TimeSpan.FromMinutes(45));
            return (conversation, at);
        }

        story.Batch.ConversationVersions.Add(conversation.Complete(content, lead.Id, completedAt));
        story.Spell.RecordAssessment(completedAt);
        if (content.HasAnyRating)
        {
            story.Spell.RecordBaselineMeasure(completedAt);
        }
        AddOutcomeRecords(story, conversation, isBaseline: true);
        return (conversation, completedAt);
    }

    /// <summary>A plan drafted from the conversation and agreed by the person within days: the third of the clock's stops.</summary>
    private void AgreePlan(Story story, ConversationContent content, BulkMember lead, DateTimeOffset completedAt, DateTimeOffset closesAt)
    {
        var startedAt = completedAt + TimeSpan.FromDays(_random.Double(0, 3));
        var agreedAt = startedAt + TimeSpan.FromDays(_random.Double(0, 10));
        if (agreedAt > _now || agreedAt >= closesAt)
        {
            return;
        }
        var drafted = PlanDrafting.FromConversation(content, DateOnly.FromDateTime(UkTime.ToLocal(completedAt)));
        var (plan, version) = SupportPlan.StartFromConversation(story.Person.Id, story.Spell.Id, drafted, lead.Id, startedAt);
        plan.Agree(agreedAt);
        story.Spell.RecordCarePlanAgreed(agreedAt);
        story.Batch.Plans.Add(plan);
        story.Batch.PlanVersions.Add(version);
    }

    private void Review(Story story, Conversation baseline, BulkMember by, DateTimeOffset at)
    {
        AddContact(story, at, by, attended: true, TimeSpan.FromMinutes(_random.Number(30, 60)));
        var review = Conversation.StartReview(baseline, story.Spell.Id, by.Id, at);
        story.Batch.Conversations.Add(review);
        // Usually a little better than at the start, sometimes not.
        var content = review.Content with
        {
            Dialog = Dialog(item => baseline.Content.Dialog.TryGetValue(item, out var before) && before.Rating is { } b
                ? Math.Clamp(b + _random.Number(-1, 3), 1, 7)
                : _random.Number(2, 6)),
            Goals = review.Content.Goals.Select((g, i) => g with
            {
                Rating = Math.Clamp((baseline.Content.Goals.ElementAtOrDefault(i)?.Rating ?? 3) + _random.Number(-1, 6), 0, 10),
            }).ToList(),
        };
        var completedAt = at + TimeSpan.FromMinutes(_random.Number(30, 60));
        story.Batch.ConversationVersions.Add(review.Complete(content, by.Id, completedAt));
        AddOutcomeRecords(story, review, isBaseline: false);
    }

    private void Close(Story story, SpellClosureReason reason, BulkMember by, DateTimeOffset at, Conversation? completed = null)
    {
        if (at > _now)
        {
            return;
        }
        story.Spell.Close(reason, _random.Bool(0.4f) ? _faker.PickRandom(BulkPhrases.ClosureNotes) : null, by.Id, at);
        story.Referral.CloseWithSpell(by.Id, at);
        MayComeBack(story, completed, story.Lead, at);
    }

    private void JoinCareTeam(Story story, BulkMember member, CareTeamRole role, DateTimeOffset at)
    {
        if (at > _now)
        {
            return;
        }
        story.Batch.CareTeam.Add(new CareTeamMember(story.Spell.Id, story.Person.Id, member.Id, role, at));
        if (role == CareTeamRole.Lead)
        {
            story.Lead = member;
        }
    }

    private void AddContact(Story story, DateTimeOffset at, BulkMember by, bool attended, TimeSpan? lasted = null)
    {
        if (at > _now || story.Contacts >= MaxContacts)
        {
            return;
        }
        var medium = _random.WeightedRandom(Media, MediumWeights);
        var place = medium == ContactMedium.FaceToFace ? _random.WeightedRandom(Places, PlaceWeights) : ContactPlace.Remote;
        var minutes = lasted?.TotalMinutes ?? medium switch
        {
            ContactMedium.FaceToFace => _random.Number(30, 90),
            ContactMedium.Video => _random.Number(25, 60),
            ContactMedium.Phone => _random.Number(10, 45),
            _ => _random.Number(5, 15),
        };
        var recordedAt = Min(at + TimeSpan.FromHours(_random.Double(0.2, 24)), _now);
        story.Batch.Contacts.Add(story.Referral.RecordContact(at, medium, place, attended, attended ? (int)minutes : null,
            _random.Bool(0.25f) ? _faker.PickRandom(BulkPhrases.ContactNotes) : null, by.Id, Max(recordedAt, at)));
        story.Contacts++;
    }

    private void AddOutcomeRecords(Story story, Conversation conversation, bool isBaseline)
    {
        foreach (var (code, ratings) in ConversationRatings.All(conversation.Content))
        {
            story.Batch.Outcomes.Add(new OutcomeRecord(story.Person.Id, story.Spell.Id, conversation.Id, code, isBaseline, conversation.CompletedAt!.Value, ratings));
        }
    }

    // ---- What people say ---------------------------------------------------------------------

    private ConversationContent FirstContent() => new()
    {
        WhatMatters = _faker.PickRandom(BulkPhrases.WhatMatters),
        GoingWell = _random.Bool(0.7f) ? _faker.PickRandom(BulkPhrases.GoingWell) : null,
        Strengths = _random.Bool(0.8f) ? _faker.PickRandom(BulkPhrases.Strengths) : null,
        Resources = _random.Bool(0.5f) ? _faker.PickRandom(BulkPhrases.Resources) : null,
        Network = Enumerable.Range(0, _random.Number(0, 4)).Select(_ => new NetworkMember(_faker.Name.FirstName(), _faker.PickRandom(BulkPhrases.Relationships),
            _random.Enum<RelationshipQuality>(), _random.Enum<ContactFrequency>(), _random.Bool(0.4f))).ToList(),
        Dialog = Dialog(item => BuiltInMeasures.DialogTreatmentItems.Contains(item) ? _random.Number(3, 6) : _random.Number(1, 5)),
        Needs = _faker.PickRandom(Enum.GetValues<DeterminantArea>(), _random.Number(0, 3))
            .Select(area => new DeterminantNeed(area, _faker.PickRandom(BulkPhrases.NeedInTheirWords), BulkPhrases.NeedHelp[area])).ToList(),
        SafetyPlan = _random.Bool(0.4f)
            ? new SafetyPlan
            {
                WarningSigns = _faker.PickRandom(BulkPhrases.WarningSigns),
                WhatHelps = _faker.PickRandom(BulkPhrases.WhatHelps),
                PeopleAndPlaces = _faker.PickRandom(BulkPhrases.PeopleAndPlaces),
            }
            : new SafetyPlan(),
        Goals = RatedGoals(_faker.PickRandom(BulkPhrases.Goals, _random.Number(1, BuiltInMeasures.MaxGoals)).Select(text => new Goal(text, null)).ToList()),
        PractitionerSummary = _random.Bool(0.6f) ? _faker.PickRandom(BulkPhrases.PractitionerSummaries) : null,
    };

    /// <summary>DIALOG answers: most items rated, medication often left unanswered (not everyone takes any), an occasional comment.</summary>
    private Dictionary<string, RatedAnswer> Dialog(Func<string, int> rating)
    {
        var answers = new Dictionary<string, RatedAnswer>();
        foreach (var item in DialogItems)
        {
            if (_random.Bool(item == "medication" ? 0.6f : 0.93f))
            {
                answers[item] = new RatedAnswer(rating(item), _random.Bool(0.08f) ? _faker.PickRandom(BulkPhrases.DialogComments) : null);
            }
        }
        return answers;
    }

    private List<Goal> RatedGoals(IEnumerable<Goal> goals) => goals.Select(g => g with { Rating = _random.Bool(0.95f) ? _random.Number(0, 5) : null }).ToList();

    // ---- People coming back ------------------------------------------------------------------

    private void MayComeBack(Story story, Conversation? conversation, BulkMember? lead, DateTimeOffset endedAt)
    {
        var returner = new Returner(story.Person, story.Spell, conversation ?? story.Returner?.Conversation, lead ?? story.Returner?.Lead, endedAt);
        // A return within the rejoin window would join the same spell; this history only has returns after it.
        _notBackYet.Enqueue(returner, UkCalendar.StartOfDay(UkCalendar.DayOf(endedAt).AddDays(ReferralSpell.RejoinDays + 1)));
    }

    private Returner? Returning(DateTimeOffset at)
    {
        while (_notBackYet.TryPeek(out var ready, out var from) && from <= at)
        {
            _notBackYet.Dequeue();
            if (_mayReturn.Count < MaxPeopleWhoMayReturn)
            {
                _mayReturn.Add(ready);
            }
            else
            {
                _mayReturn[_random.Number(0, _mayReturn.Count - 1)] = ready;
            }
        }

        if (_mayReturn.Count == 0 || !_random.Bool(ReturningShare))
        {
            return null;
        }
        var index = _random.Number(0, _mayReturn.Count - 1);
        var returner = _mayReturn[index];
        _mayReturn[index] = _mayReturn[^1];
        _mayReturn.RemoveAt(_mayReturn.Count - 1);
        return at - returner.EndedAt <= ReturnWithin ? returner : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Someone whose spell has ended, with what the next spell starts from.</summary>
    private sealed record Returner(Person Person, ReferralSpell Spell, Conversation? Conversation, BulkMember? Lead, DateTimeOffset EndedAt);

    /// <summary>One referral being told: its rows go into the batch.</summary>
    private sealed class Story(BulkBatch batch, Person person, ReferralSpell spell, Referral referral, Returner? returner)
    {
        public BulkBatch Batch { get; } = batch;
        public Person Person { get; } = person;
        public ReferralSpell Spell { get; } = spell;
        public Referral Referral { get; } = referral;
        public Returner? Returner { get; } = returner;
        public BulkMember? Triager { get; set; }
        public BulkMember? Lead { get; set; }
        public int Contacts { get; set; }
    }

    // ---- Mixes -------------------------------------------------------------------------------

    private static readonly float[] NeighbourhoodWeights = Shares(BulkStaff.Neighbourhoods.Select(n => (float)n.Weight).ToArray());

    private static readonly ContactMethod[] ContactMethods = [ContactMethod.Phone, ContactMethod.Text, ContactMethod.Email, ContactMethod.TheyWillCallUs];
    private static readonly float[] ContactMethodWeights = Shares(45, 25, 20, 10);

    private static readonly string[] EthnicCodes = EthnicCategories.All.Select(c => c.Code).ToArray();
    private static readonly float[] EthnicWeights = Shares(EthnicCategories.All.Select(c => c.Code switch
    {
        "A" => 60f, "C" => 6f, "H" or "J" or "N" => 4f, "M" => 3f, "B" or "K" or "L" or "S" => 2f, _ => 1f,
    }).ToArray());

    private static readonly string[] GenderAnswers = Offered(EqualityOptions.Gender);
    private static readonly float[] GenderWeights = Shares(58, 38, 3, 1);
    private static readonly string[] OrientationAnswers = Offered(EqualityOptions.SexualOrientation);
    private static readonly float[] OrientationWeights = Shares(85, 6, 6, 3);
    private static readonly string[] DisabilityAnswers = Offered(EqualityOptions.Disability);
    private static readonly float[] DisabilityWeights = Shares(30, 70);

    private static readonly ReferralSource[] Sources =
        [ReferralSource.Self, ReferralSource.GeneralPractice, ReferralSource.CarerOrFamily, ReferralSource.VoluntarySector, ReferralSource.OtherHealthService, ReferralSource.Other];
    private static readonly float[] SourceWeights = Shares(70, 12, 6, 6, 4, 2);

    private static readonly TriageOutcome[] Outcomes =
        [TriageOutcome.ConversationBooked, TriageOutcome.SameDayUrgentResponse, TriageOutcome.SignpostedWithConsent, TriageOutcome.ClosedAtPersonsRequest, TriageOutcome.NoResponseAfterAttempts];
    private static readonly float[] OutcomeWeights = Shares(66, 4, 14, 6, 10);

    private static readonly ContactMedium[] Media = [ContactMedium.FaceToFace, ContactMedium.Phone, ContactMedium.Video, ContactMedium.TextOrMessage];
    private static readonly float[] MediumWeights = Shares(45, 35, 12, 8);

    private static readonly ContactPlace[] Places = [ContactPlace.Hub, ContactPlace.Home, ContactPlace.Cafe, ContactPlace.GpPractice, ContactPlace.CommunityVenue];
    private static readonly float[] PlaceWeights = Shares(40, 15, 10, 20, 15);

    private static readonly SpellClosureReason[] ClosureReasons =
        [SpellClosureReason.GoalsMet, SpellClosureReason.PersonsChoice, SpellClosureReason.MovedToAnotherService, SpellClosureReason.MovedAway];
    private static readonly float[] BriefClosureWeights = Shares(55, 15, 30, 0);
    private static readonly float[] OngoingClosureWeights = Shares(60, 20, 12, 8);

    /// <summary>The answers offered to a question other than "prefer not to say", in the order the weights are given.</summary>
    private static string[] Offered(IReadOnlyList<(string Value, string Label)> options) =>
        options.Where(o => o.Value != EqualityMonitoring.PreferNotToSay).Select(o => o.Value).ToArray();

    /// <summary>Relative weights as the shares of one that Bogus's weighted pick expects.</summary>
    internal static float[] Shares(params float[] weights)
    {
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }
}
