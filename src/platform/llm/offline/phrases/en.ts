import { EN_TOPICS } from './en-topics';
import type { PhraseBook } from './phrasebook';

/** The offline model's English: polite business register for formal characters, relaxed for casual ones. */
export const EN: PhraseBook = {
  reactions: {
    greeting: {
      formal: [
        'Hello, thank you for making the time.',
        'Good to see you.',
        'Hello, nice to see you.',
        'Hi, how are things?',
      ],
      casual: ['Hey, good to see you.', 'Oh hi, perfect timing.', 'Hey there.', 'Hi, how is it going?'],
    },
    thanks: {
      formal: [
        'You are very welcome.',
        'Not at all, I am glad it helped.',
        'Thank you as well, I appreciate it.',
        'It is my pleasure.',
        'That is kind of you to say.',
      ],
      casual: ['No worries at all.', 'Anytime.', 'Happy to help.', 'Thanks to you too.', 'Glad that helped.'],
    },
    apology: {
      formal: [
        'That is quite all right.',
        'Please do not worry about it.',
        'No need to apologise; let us just learn from it.',
        'I understand what happened, so it is fine.',
        'Thank you for saying so.',
      ],
      casual: [
        'Hey, it is fine, do not worry.',
        'No harm done.',
        'No need to apologise, just keep it in mind next time.',
        'Okay, I get what happened.',
        'It is all good.',
      ],
    },
    farewell: {
      formal: ['Thank you, and take care.', 'Goodbye for now.', 'Have a good rest of the day.'],
      casual: ['See you later.', 'Catch you later.', 'Take it easy.'],
    },
    clarification: {
      formal: [
        'I am sorry, I was not very clear.',
        'Let me put that another way.',
        'Thank you for checking.',
        'Yes, let me be more specific.',
        'It is an important point, so let me explain again.',
      ],
      casual: [
        'Oh, sorry, that was confusing.',
        'Let me say that differently.',
        'Good call checking.',
        'Right, let me be more specific.',
        'That matters, so let me go over it again.',
      ],
    },
    offer: {
      formal: [
        'Thank you, that is reassuring.',
        'That is really kind of you.',
        'Thank you, I will take you up on that.',
      ],
      casual: ['Thanks, that means a lot.', 'That is really kind.', 'Thanks, I might take you up on that.'],
    },
    question: {
      formal: [
        'That is a good question.',
        'I can see why you would ask.',
        'Yes, we should be clear on that.',
        'Let me think about that for a moment.',
      ],
      casual: [
        'Good question.',
        'Fair thing to ask.',
        'Yeah, we should nail that down.',
        'Hmm, let me think.',
      ],
    },
    proposal: {
      formal: [
        'That is a good idea.',
        'That approach could work.',
        'I like that. Let us go with it.',
        'Thank you, let me consider that option.',
        'That may well be more efficient.',
        'I had not thought of that.',
      ],
      casual: [
        'Oh, I like that.',
        'That could totally work.',
        'Nice, let us do that.',
        'Huh, I did not think of that.',
        'Yeah, that is probably quicker.',
        'Good thinking.',
      ],
    },
    refusal: {
      formal: [
        'I see. Could you tell me what makes it difficult?',
        'Understood. How much of it do you think you could manage?',
        'I see, there must be a reason.',
        'All right. I do not want to push you into something unrealistic.',
        'I understand. Let us think of another way together.',
      ],
      casual: [
        'Ah, okay. What makes it tricky?',
        'Got it. How much could you manage?',
        'Okay, sounds like there is a reason.',
        'Fair enough, no pressure.',
        'Okay, let us figure out another way.',
      ],
    },
    agreement: {
      formal: [
        'Thank you, that really helps.',
        'Good, then let us go in that direction.',
        'Understood. That is reassuring.',
        'I am glad to hear that.',
        'Great, let us proceed on that basis.',
      ],
      casual: [
        'Thanks, that helps a lot.',
        'Great, let us do that then.',
        'Perfect, that is a relief.',
        'Good to hear.',
        'Cool, let us go with that.',
      ],
    },
    offtopic: {
      formal: [
        'That sounds interesting, but let us deal with the matter at hand first.',
        'Perhaps we can talk about that over a break. For now, let us focus on this.',
        'Sorry, I need us to stay on this topic for the moment.',
        'Interesting. I would just like to settle this first, though.',
      ],
      casual: [
        'Ha, sounds fun, but let us sort this out first.',
        'Let us save that for the coffee break. This first.',
        'Sorry, I need to stay focused on this one.',
        'Interesting. Can we settle this first, though?',
      ],
    },
    short: {
      formal: [
        'Could you tell me a little more?',
        'Meaning what, exactly?',
        'I am not sure I follow from that alone. Could you be more specific?',
        'I see. And what do you think?',
        'It would help to hear a bit more of your thinking.',
      ],
      casual: [
        'Could you say a bit more?',
        'Meaning?',
        'Hmm, not sure I get that. Can you be more specific?',
        'Okay. And what do you think?',
        'Tell me a bit more of what you are thinking.',
      ],
    },
    statement: {
      formal: [
        'I see, that makes sense.',
        'Thank you for explaining.',
        'I see. That gives me a much clearer picture.',
        'That is an important point.',
        'Yes, that is true.',
        'Thank you, I am starting to get the picture.',
      ],
      casual: [
        'Ah, got it.',
        'Thanks for filling me in.',
        'Okay, that makes things a lot clearer.',
        'That is a good point.',
        'Yeah, true.',
        'Okay, I am getting the picture now.',
      ],
    },
  },
  moodReactions: {
    upset: {
      apology: {
        formal: [
          'I have heard the apology. What I need to know is how you will fix this.',
          'Thank you for apologising, but I also need to hear how you will prevent it.',
          'An apology is fine, but I am worried this will happen again.',
        ],
        casual: [
          'Okay, sorry is fine, but what are you going to do about it?',
          'I get that you are sorry. I need to know what happens next.',
          'Saying sorry is one thing; I just do not want this to happen again.',
        ],
      },
      short: {
        formal: ['Is that all? I need a proper explanation.', 'I am taking this seriously, you know.'],
        casual: ['That is it? I need more than that.', 'Come on, I am serious here.'],
      },
      agreement: {
        formal: ['I will hold you to that.', 'I hope I can count on that.'],
        casual: ['I will hold you to that.', 'Okay, I am trusting you on this.'],
      },
      refusal: {
        formal: [
          'That really does not work for us. Is there nothing you can do?',
          'We cannot simply accept that it is not possible.',
        ],
        casual: [
          'That does not work for me. There must be something you can do.',
          'I cannot just accept a no on this.',
        ],
      },
    },
    strict: {
      greeting: { formal: ['Hello. Let us keep this brief.'], casual: ['Hi. Let us keep it quick.'] },
      short: {
        formal: ['That is not enough for me to decide. Give me the specifics.', 'What is the bottom line?'],
        casual: ['That is not enough to go on. Specifics, please.', 'So what is the bottom line?'],
      },
      clarification: {
        formal: ['Fine, let me say it more simply.', 'Here is the short version again.'],
        casual: ['Fine, simpler version.', 'Short version, once more.'],
      },
      statement: {
        formal: ['Understood. And the conclusion?', 'Right. What is next?'],
        casual: ['Okay. And the conclusion?', 'Got it. Next?'],
      },
    },
    vague: {
      question: {
        formal: [
          'Well, I will leave that part to you.',
          'That depends on the situation, I suppose.',
          'Do not worry about the details, just make it look good.',
        ],
        casual: [
          'Eh, I will leave that to you.',
          'Depends, I guess.',
          'Do not sweat the details, just make it nice.',
        ],
      },
      clarification: {
        formal: [
          "Specifics... right. Start from last week's meeting deck, I suppose.",
          'Fair, I was too vague. Ten attendees, and I need it by tomorrow afternoon.',
        ],
        casual: [
          "Specifics, huh. Start from last week's deck, I guess.",
          'Fair, that was vague. Ten people, by tomorrow afternoon.',
        ],
      },
    },
    anxious: {
      agreement: {
        formal: ['Really? Thank you, that is such a relief.', 'Oh good, I feel much better hearing that.'],
        casual: ['Really? Thanks, what a relief.', 'Oh good, that makes me feel better.'],
      },
      question: {
        formal: [
          'Um, I think so, but may I double-check?',
          'Sorry, I am not sure I have that information yet.',
        ],
        casual: ['Um, I think so, but can I double-check?', 'Sorry, I am not totally sure yet.'],
      },
      refusal: {
        formal: [
          'Oh, of course, I am sorry for asking.',
          'I understand. Could you tell me what I should do instead?',
        ],
        casual: ['Oh, right, sorry for asking.', 'Okay. What should I do instead?'],
      },
    },
    warm: {
      apology: {
        formal: [
          'There is no need to apologise. It happens to everyone.',
          'Please do not be too hard on yourself.',
        ],
        casual: ['No need to apologise, it happens to everyone.', 'Do not be too hard on yourself.'],
      },
      refusal: {
        formal: ['Thank you for being honest with me. Let us find another way.'],
        casual: ['Thanks for being honest. We will find another way.'],
      },
    },
    cheerful: {
      agreement: { formal: ['Wonderful, then it is settled!'], casual: ['Awesome, it is settled then!'] },
      proposal: { formal: ['Oh, that is a great idea!'], casual: ['Ooh, great idea!'] },
    },
    resistant: {
      proposal: {
        formal: [
          'Are you sure that will actually work?',
          'I understand the logic, but will the team keep up?',
        ],
        casual: ['You really think that will work?', 'Sounds fine on paper, but will people keep up?'],
      },
      agreement: { formal: ['Well, if you insist.'], casual: ['Well, if you say so.'] },
      statement: {
        formal: ['I understand, but it worked perfectly well the old way.'],
        casual: ['Sure, but the old way worked fine.'],
      },
    },
    careful: {
      agreement: {
        formal: ['Thank you. Could you also confirm that by email afterwards?'],
        casual: ['Thanks. Could you drop me an email confirming that?'],
      },
      proposal: {
        formal: ['Could we also look at the risks of that option?'],
        casual: ['Can we check the risks on that first?'],
      },
    },
  },
  answers: {
    opinion: {
      formal: [
        'Honestly, I have not fully made up my mind.',
        'What worries me most is the schedule.',
        'Personally, I do not think it is a bad idea.',
        'I am concerned about how the others will take it.',
      ],
      casual: [
        'Honestly, I have not made up my mind.',
        'The schedule is what worries me most.',
        'Personally, I do not hate it.',
        'I am worried about how the others will take it.',
      ],
    },
    info: {
      formal: [
        'It is all in the email I sent earlier, but I can forward it again.',
        'I will send you the details right after this.',
        'Let me check my notes and get back to you.',
        'I have it here, so let me walk you through it.',
      ],
      casual: [
        'It is in the email I sent earlier, but I can resend it.',
        'I will send the details right after this.',
        'Let me check my notes and get back to you.',
        'I have it right here, let me walk you through it.',
      ],
    },
    quantity: {
      formal: [
        'There are ten attendees, so twelve copies including spares, please.',
        'About five should be plenty for now.',
        'Please plan for twenty people.',
        'It would be reassuring to have a few extra.',
      ],
      casual: [
        'Ten people, so twelve copies with spares.',
        'Five or so is plenty for now.',
        'Plan for twenty people.',
        'A few extra would be good.',
      ],
    },
    when: {
      formal: [
        'Ideally by Friday morning this week.',
        'Tomorrow evening would be a good target.',
        'I would like it in shape by Monday morning.',
        'It is not urgent, so the middle of next week is fine.',
        'Could I see a first draft by five today?',
      ],
      casual: [
        'Ideally by Friday morning.',
        'Tomorrow evening would be great.',
        'Let us aim for Monday morning.',
        'No rush, mid next week is fine.',
        'Can I see a draft by five today?',
      ],
    },
    why: {
      formal: [
        'Because the client meeting has been moved forward.',
        'Because I am reporting to the director that day.',
        'Last time a late check meant rework, so I want to lock it in early.',
        "Because it affects the whole team's schedule.",
        'Because the client feels strongly about it.',
      ],
      casual: [
        'The client meeting got moved up.',
        'I am reporting to the director that day.',
        'Last time a late check meant redoing things, so I want it early.',
        "It affects everyone's schedule.",
        'The client really cares about it.',
      ],
    },
    how: {
      formal: [
        'Start from the previous version and just reflect the changes.',
        'Let us agree on the overall structure first, then fill in the details.',
        'If anything is unclear, please ask anyone on the team.',
        'The format does not matter much, as long as the key points come across.',
        'Let us spend five minutes aligning on the approach before you start.',
      ],
      casual: [
        'Just start from the last version and update what changed.',
        'Nail the structure first, then the details.',
        'If you get stuck, ask anyone on the team.',
        'Format does not matter, just get the key points across.',
        'Let us take five minutes to align first.',
      ],
    },
    who: {
      formal: [
        'I will be the point of contact for this.',
        "The final call is the director's, but please come to me first.",
        'It would help if you shared it with everyone on the team.',
        'Sales owns it, but I will check the details myself.',
      ],
      casual: [
        'I am the go-to person for this.',
        'The director decides in the end, but come to me first.',
        'Share it with the whole team, please.',
        'Sales owns it, but I will check the details.',
      ],
    },
    where: {
      formal: [
        "Please put it in this month's folder on the shared drive.",
        'I have booked meeting room two.',
        'Posting it in the team channel is fine.',
        'Online is fine too. I will send a link later.',
      ],
      casual: [
        "Just drop it in this month's folder on the shared drive.",
        'I grabbed meeting room two.',
        'Post it in the team channel.',
        'Online works. I will send a link.',
      ],
    },
    cost: {
      formal: [
        'We are assuming roughly the same budget as last time.',
        'Let me confirm the figure internally before I give you a number.',
        'As long as it does not go far over, it should be fine.',
        'Honestly, there is not much room in the budget.',
      ],
      casual: [
        'About the same budget as last time.',
        'Let me check internally before I give you a number.',
        'As long as it is not way over, we are fine.',
        'Honestly, the budget is tight.',
      ],
    },
    what: {
      formal: [
        'The most important thing is to lead with the conclusion.',
        'First, I would like the current situation and the issues on one page.',
        'I want to be clear about what we can actually promise the client.',
        'There are three points: the goal, the deadline and who does what.',
        'This time, I want the numbers to be properly backed up.',
      ],
      casual: [
        'Most important is leading with the conclusion.',
        'First, the situation and the issues on one page.',
        'I want to be clear on what we can promise the client.',
        'Three things: the goal, the deadline, and who does what.',
        'I want the numbers properly backed up this time.',
      ],
    },
    can: {
      formal: [
        'Yes, that should be fine.',
        'Yes, if you could do it that way, that would help.',
        'It needs a little adjusting, but I think we can manage.',
        'Of course. Please do not hesitate to ask.',
        'Let me check that and get back to you today.',
      ],
      casual: [
        'Yeah, that is fine.',
        'Sure, doing it that way would help.',
        'Needs a bit of tweaking, but we can manage.',
        'Of course, just ask.',
        'Let me check and get back to you today.',
      ],
    },
    confirm: {
      formal: [
        'Yes, that is correct.',
        'Yes, exactly as you say.',
        'Partly, yes, but let me add some detail.',
        'Yes, that is basically fine.',
        'Not quite. The priorities have actually changed.',
      ],
      casual: [
        'Yep, that is right.',
        'Exactly.',
        'Sort of, but let me fill in the gaps.',
        'Yeah, basically.',
        'Not quite, the priorities changed.',
      ],
    },
  },
  chatAnswers: {
    state: {
      formal: [
        'Things have been fairly calm lately, actually.',
        'It has been a bit hectic lately, to be honest.',
        'Not bad at all, thank you.',
        'Nothing special, just taking it easy.',
      ],
      casual: [
        'Pretty calm lately, actually.',
        'Bit hectic lately, honestly.',
        'Not bad at all, thanks.',
        'Nothing much, just chilling.',
      ],
    },
    preference: {
      formal: [
        'Yes, I quite like it.',
        'To be honest, it is not really my thing.',
        'I do, especially on weekends.',
        'Yes, more and more lately.',
      ],
      casual: [
        'Yeah, I kind of love it.',
        'Honestly, not really my thing.',
        'I do, especially on weekends.',
        'Yeah, more and more lately.',
      ],
    },
    other: {
      formal: [
        'Hmm, nothing comes to mind right away.',
        'To be honest, I have not decided yet.',
        'Not really, I do not know much about it.',
        'Good question, I have never really thought about it.',
      ],
      casual: [
        'Hmm, nothing comes to mind.',
        'Honestly, I have not decided yet.',
        'Not really, I do not know much about it.',
        'Huh, never really thought about it.',
      ],
    },
  },
  chatReactions: {
    agreement: {
      formal: ['Right? I thought so too.', 'Oh, same here.', 'I know what you mean.', 'Exactly.'],
      casual: ['Right?', 'Oh, same!', 'I know, right?', 'Totally.'],
    },
    statement: {
      formal: [
        'Oh really? That sounds lovely.',
        'Ah, I know what you mean.',
        'That sounds like fun.',
        'I did not know that.',
        'Oh, that is a nice way to spend the time.',
      ],
      casual: [
        'Oh really? That sounds great.',
        'Ha, I know the feeling.',
        'That sounds fun.',
        'No way, I did not know that.',
        'Nice, that sounds like a good time.',
      ],
    },
    short: {
      formal: ['Oh? How so?', 'Ha, fair enough.', 'Tell me more.'],
      casual: ['Oh? How come?', 'Ha, fair.', 'Go on.'],
    },
    refusal: {
      formal: ['Ah, I see.', 'Oh, not really your thing, then.', 'No problem at all, no pressure.'],
      casual: ['Ah, fair enough.', 'Oh, not your thing? No worries.', 'All good, no pressure.'],
    },
    proposal: {
      formal: ['That sounds fun, let us do it!', 'Oh, I would love that.'],
      casual: ['Ooh, let us do it!', 'I am so in.'],
    },
  },
  moods: {
    warm: {
      early: {
        formal: [
          'There is no rush. Let us sort it out together.',
          'If anything is unclear, just ask me.',
          'I really appreciate how carefully you work.',
        ],
        casual: [
          'No rush, we will sort it out together.',
          'Ask me anything, seriously.',
          'I really appreciate how careful you are.',
        ],
      },
      late: {
        formal: [
          'We have made good progress.',
          'You are doing well. It is coming across clearly.',
          'I am glad you talked to me.',
        ],
        casual: [
          'We are getting somewhere.',
          'You are doing great, it is coming across.',
          'Glad you talked to me.',
        ],
      },
    },
    cheerful: {
      early: {
        formal: [
          'It is lovely to have a chance to chat like this.',
          'This is turning into a fun conversation.',
          'I really enjoy talking about this kind of thing.',
        ],
        casual: ['It is so nice to chat like this.', 'This is fun.', 'I love talking about this stuff.'],
      },
      late: {
        formal: ['Talking it through really helps the ideas flow.', 'It always pays to talk things over.'],
        casual: ['Talking it through really helps.', 'Always worth talking things over.'],
      },
    },
    strict: {
      early: {
        formal: [
          'I do not have much time, so give me the conclusion first.',
          'Please keep to the key points.',
          'I do not want this left vague, so let us be clear.',
        ],
        casual: [
          'I am short on time, so conclusion first.',
          'Key points only, please.',
          'Let us not leave this vague.',
        ],
      },
      late: {
        formal: ['I can see the outline now.', 'If it is that well organised, I am reassured.'],
        casual: ['Okay, I see where this is going.', 'If it is that well thought out, fine.'],
      },
    },
    upset: {
      early: {
        formal: [
          'Frankly, this has caused us real problems.',
          'We cannot just let this go.',
          'If this keeps happening, it will damage our trust.',
        ],
        casual: [
          'Honestly, this has been a real headache.',
          'I cannot just let this slide.',
          'If this keeps happening, we have a trust problem.',
        ],
      },
      late: {
        formal: [
          'If that is the case, I can look at this more calmly.',
          'I can see you are taking this seriously.',
        ],
        casual: ['Okay, that helps me calm down a bit.', 'I can see you are taking it seriously.'],
      },
    },
    anxious: {
      early: {
        formal: [
          'Sorry, I am a little nervous.',
          'I am not sure whether it is all right to ask this, but...',
          'I am worried I might be causing trouble.',
        ],
        casual: [
          'Sorry, I am a bit nervous.',
          'Not sure if I should ask this, but...',
          'I hope I am not causing trouble.',
        ],
      },
      late: {
        formal: ['Talking to you has put my mind at ease.', 'Thank you, I feel much better now.'],
        casual: ['Talking to you really helped.', 'Thanks, I feel way better.'],
      },
    },
    careful: {
      early: {
        formal: [
          'Just to be safe, let me confirm things one at a time.',
          'I would like to pin down the details so nothing gets lost later.',
          'This matters, so I would like to proceed carefully.',
        ],
        casual: [
          'Let me check things one at a time, just to be safe.',
          'I want to pin down the details now.',
          'This matters, so let us be careful.',
        ],
      },
      late: {
        formal: [
          'I think we are on the same page now.',
          'Thank you for explaining so carefully. I feel confident going ahead.',
        ],
        casual: ['I think we are on the same page.', 'Thanks for explaining it so clearly.'],
      },
    },
    vague: {
      early: {
        formal: [
          'Well, as long as it turns out nicely...',
          'I will leave the details to you, just pull it together.',
          'I just want it to be, you know, a bit better somehow.',
        ],
        casual: [
          'Eh, just make it look nice...',
          'I will leave the details to you.',
          'I want it to be, like, better somehow.',
        ],
      },
      late: {
        formal: [
          'You are right, we should probably decide the specifics.',
          'Now that you ask, I had not really thought it through.',
        ],
        casual: [
          'Yeah, we should probably pin it down.',
          'Now that you ask, I had not really thought about it.',
        ],
      },
    },
    resistant: {
      early: {
        formal: [
          'Honestly, I do not think there was anything wrong with the way we did it before.',
          'In my experience, changes like this rarely go well.',
          'Changing things suddenly will only confuse people on the ground.',
        ],
        casual: [
          'Honestly, the old way was fine.',
          'In my experience, changes like this usually flop.',
          'Changing things out of nowhere just confuses everyone.',
        ],
      },
      late: {
        formal: [
          'I see, that is one way of looking at it.',
          'If you have thought it through that far, perhaps it is worth a try.',
        ],
        casual: ['Okay, I see your point.', 'If you have thought it through, maybe it is worth a shot.'],
      },
    },
    neutral: {
      early: {
        formal: ['Let us go through things in order.', 'First, let me share where things stand.'],
        casual: ['Let us take it step by step.', 'Let me fill you in first.'],
      },
      late: {
        formal: ['I think the picture is clear now.', 'It feels like we are coming together.'],
        casual: ['I think it is clear now.', 'Feels like we are getting there.'],
      },
    },
  },
  topics: EN_TOPICS,
  stages: {
    early: {
      formal: [
        'First, could you tell me where things stand?',
        'Could you give me a rough idea of how far along you are?',
        'How do you see this situation?',
        'Is there anything on your mind about it?',
      ],
      casual: [
        'So, where are things at?',
        'Roughly how far along are you?',
        'How do you see it?',
        'Anything on your mind about it?',
      ],
    },
    middle: {
      formal: [
        'Where is the main bottleneck?',
        'Is anyone else involved?',
        'If it does not go to plan, what should we do?',
        'Is there anything I can help with?',
        'If you had to prioritise, what would come first?',
        'What is that decision based on?',
      ],
      casual: [
        'What is the main bottleneck?',
        'Anyone else involved?',
        'And if it does not go to plan?',
        'Anything I can help with?',
        'What comes first, if you had to pick?',
        'What is that based on?',
      ],
    },
    late: {
      formal: [
        'Shall we decide on the next steps?',
        'Just to confirm, who will do what, and by when?',
        'Could you sum up what we have agreed?',
        'Before we finish, is anything still worrying you?',
      ],
      casual: [
        'So, what are the next steps?',
        'Quick check: who does what, by when?',
        'Can you sum up what we agreed?',
        'Anything still bugging you before we wrap up?',
      ],
    },
  },
  echoes: {
    time: {
      formal: ['{time}, understood.', 'So {time}, then.', '{time} should work on our side too.'],
      casual: ['{time}, got it.', 'Okay, {time}.', '{time} works for me.'],
    },
    keyword: {
      formal: ['Ah, about the {kw}.', 'I have been thinking about the {kw} as well.', 'Right, the {kw}.'],
      casual: ['Oh, the {kw}.', 'The {kw} has been on my mind too.', 'Right, the {kw}.'],
    },
    quote: { formal: [], casual: [] },
  },
  openings: {
    formal: ['Hello, thank you for making the time.', 'Hello, do you have a moment?', 'Good to see you.'],
    casual: ['Hey, thanks for making the time.', 'Hey, got a sec?', 'Hi, good to see you.'],
  },
  closings: {
    scenario: {
      formal: [
        'Then let us go ahead as we discussed. Thank you.',
        'That gives us a clear direction. Thanks again.',
        'Let us leave it there for today. Let me know if anything comes up.',
        'I am glad we sorted that out. Thanks for your help.',
      ],
      casual: [
        'Okay, let us go with what we said. Thanks.',
        'That gives us a clear direction. Thanks a lot.',
        'Let us leave it there. Ping me if anything comes up.',
        'Glad we sorted that out. Thanks.',
      ],
    },
    chat: {
      formal: [
        'Oh, look at the time. We should probably head back.',
        'It was really nice talking. Let us chat again.',
        'That was a nice break. Good luck this afternoon.',
        'Thank you. I would love to hear more another time.',
      ],
      casual: [
        'Oh wow, look at the time. Back to it, I guess.',
        'This was fun. Let us chat again.',
        'Nice break. Good luck this afternoon.',
        'Thanks. Tell me more another time.',
      ],
    },
  },
  moodClosings: {
    upset: {
      formal: [
        'Please handle it that way this time. I do not want this to happen again.',
        'Very well. Please make sure you keep to what you have promised.',
      ],
      casual: [
        'Okay, do it that way. I do not want a repeat of this.',
        'Fine. Just make sure you stick to what you promised.',
      ],
    },
    anxious: {
      formal: [
        'Thank you so much. I feel I can get on with it now.',
        'I am glad I asked. I will do my best.',
      ],
      casual: ['Thanks so much, I feel ready now.', 'Glad I asked. I will do my best.'],
    },
    resistant: {
      formal: ['Fine. Let us give it a try first.', 'I am not fully convinced, but it may be worth trying.'],
      casual: ['Fine, let us try it.', 'Not fully sold, but it might be worth a shot.'],
    },
    strict: {
      formal: [
        'Right, go ahead with that. I will expect your update.',
        'The direction is set. Now show me the results.',
      ],
      casual: ['Right, go ahead. I want an update.', 'Direction is set. Show me results.'],
    },
    vague: {
      formal: ['That really helped to make it concrete. Let us go with that.'],
      casual: ['That really helped pin it down. Let us go with it.'],
    },
    warm: {
      formal: ['Thank you for talking to me. You can come to me any time.'],
      casual: ['Thanks for talking to me. My door is always open.'],
    },
    cheerful: {
      formal: ['That was fun! Let us talk again soon.'],
      casual: ['That was fun! Let us do this again.'],
    },
    careful: {
      formal: ['I will write up what we agreed and share it. Thank you.'],
      casual: ['I will write this up and share it. Thanks.'],
    },
  },
  afterClose: {
    formal: [
      'If anything else comes up, just let me know.',
      'I will let you get back to work.',
      'Keep me posted on how it goes.',
      'Thanks again.',
      'Feel free to message me if you think of anything.',
    ],
    casual: [
      'Shout if anything else comes up.',
      'I will let you get on.',
      'Keep me posted.',
      'Thanks again.',
      'Message me if you think of anything.',
    ],
  },
  connectors: {
    formal: ['By the way,', 'Also,', 'On that note,', 'Incidentally,', 'Just to add,', 'Coming back to it,'],
    casual: ['By the way,', 'Also,', 'Oh, and', 'Speaking of which,', 'Plus,', 'Anyway,'],
  },
  fillers: {
    heads: {
      formal: [
        'On that point,',
        'As for what you said,',
        'On the schedule,',
        'Regarding the details,',
        'On this matter,',
        'As for the approach,',
        'On your suggestion,',
        'For the next step,',
        'On the bigger picture,',
        'As for the team,',
      ],
      casual: [
        'On that,',
        'About what you said,',
        'Schedule-wise,',
        'For the details,',
        'On this one,',
        'Approach-wise,',
        'About your idea,',
        'For next steps,',
        'Big picture,',
        'For the team,',
      ],
    },
    tails: {
      formal: [
        'let us organise our thoughts a little more.',
        'let us check it together later.',
        'I will give it some thought as well.',
        'I will share it with the team.',
        'I will make a note of it.',
        'that is worth getting right.',
        'let us come back to it.',
        'I would like a little time to think.',
        'let us settle it at the next meeting.',
        'I will consider it positively.',
      ],
      casual: [
        'let us sort our thoughts a bit more.',
        'let us check it together later.',
        'I will think about it too.',
        'I will tell the team.',
        'I will jot that down.',
        'that is worth getting right.',
        'let us circle back.',
        'I need a minute to think.',
        'let us settle it next meeting.',
        'I am open to it.',
      ],
    },
  },
  watch: {
    openers: {
      formal: [
        'Could we talk about "{theme}" for a moment?',
        'By the way, what do you think about "{theme}"?',
        'I was just thinking about "{theme}". Could I get your view?',
      ],
      casual: [
        'Got a minute to talk about "{theme}"?',
        'So, what do you make of "{theme}"?',
        'I was just thinking about "{theme}". What is your take?',
      ],
    },
    reactions: {
      question: {
        formal: [
          'Well, I think the first step is to set priorities.',
          'Personally, I think talking to people early is the best way.',
          'Good question. I would try it on a small scale first.',
          'I am still torn, to be honest, but for now I lean that way.',
          'Good question, {name}. I would start by getting the facts straight.',
        ],
        casual: [
          'I would start by setting priorities.',
          'Honestly, talking to people early is the way to go.',
          'Good question. I would try it small first.',
          'Still torn, but I lean that way for now.',
          'Good question, {name}. I would get the facts straight first.',
        ],
      },
      proposal: {
        formal: [
          'Good idea, {name}, I agree.',
          'In that case, I can take care of the materials.',
          'That approach has worked for us before.',
          'Makes sense. I would just like to double-check the schedule.',
        ],
        casual: [
          'Nice one, {name}, I am in.',
          'Then I will handle the materials.',
          'That worked for us before, actually.',
          'Makes sense. Let me just check the schedule.',
        ],
      },
      refusal: {
        formal: [
          'That is fair, it is better not to overstretch.',
          'That is a reasonable concern.',
          'Then shall we think of another way?',
        ],
        casual: [
          'Fair, no point overdoing it.',
          'Yeah, that is a fair worry.',
          'Okay, let us think of another way.',
        ],
      },
      agreement: {
        formal: [
          'Good, I am relieved we see it the same way.',
          'Then let us go in that direction.',
          'It is reassuring to hear you say that, {name}.',
        ],
        casual: ['Good, glad we agree.', 'Then let us go with that.', 'Nice to hear that from you, {name}.'],
      },
      statement: {
        formal: [
          'I see, so that is how you see it, {name}.',
          'Yes, that is certainly true.',
          'I had not looked at it that way.',
          'I know what you mean. I have had a similar experience.',
        ],
        casual: [
          'Ah, so that is how you see it, {name}.',
          'Yeah, that is true.',
          'Never thought of it like that.',
          'I get it, I have been there too.',
        ],
      },
    },
    opinions: {
      formal: [
        "I think it matters to see things from the other person's side.",
        'On my last project, sharing the goal up front made a big difference.',
        'In the end, checking in with each other often is the quickest way.',
        'The harder something is to say, the earlier it should be said.',
        'I once made a mistake myself because I did not double-check.',
        'Just adding a word of thanks changes the atmosphere.',
      ],
      casual: [
        'Seeing it from the other side really matters, I think.',
        'On my last project, sharing the goal up front helped a lot.',
        'Honestly, checking in often is the quickest way.',
        'The harder it is to say, the sooner you should say it.',
        'I messed up once myself by not double-checking.',
        'A quick thank-you changes the whole vibe.',
      ],
    },
    questionsBack: {
      formal: [
        'What do you think, {name}?',
        'What would you do in this situation, {name}?',
        'How does your team handle it, {name}?',
        'Have you had a similar experience, {name}?',
      ],
      casual: [
        'What do you think, {name}?',
        'What would you do, {name}?',
        'How does your team do it, {name}?',
        'Ever had something like that, {name}?',
      ],
    },
    welcomes: {
      formal: [
        'Oh, {name}, would you like to join us?',
        '{name}, we would love to hear your view.',
        'It is great to have you with us, {name}.',
      ],
      casual: ['Oh hey {name}, jump in!', '{name}, what do you think?', 'Great to have you here, {name}.'],
    },
    wrapUps: {
      formal: [
        'Our thinking has really come together.',
        'Then let us try what we discussed from tomorrow.',
        'I am glad we talked. So: consult early and share often.',
      ],
      casual: [
        'I think we have got it figured out.',
        'Let us try it from tomorrow.',
        'Glad we talked. Consult early, share often.',
      ],
    },
  },
  coach: {
    opening: [
      'You spoke {count} times in this conversation.',
      'This conversation had {count} turns from you.',
    ],
    strengths: {
      questions: [
        'You asked questions that drew the other person out.',
        'You checked what you did not understand instead of guessing.',
      ],
      courtesy: [
        'Your thanks and apologies came naturally and showed consideration.',
        'Your polite wording made you easy to talk to.',
      ],
      proposals: [
        'You made concrete suggestions of your own, which is excellent.',
        'You offered alternatives and moved the conversation forward.',
      ],
      detail: [
        'You explained the situation concretely, which made it easy to decide.',
        'Each of your turns had real substance and was easy to follow.',
      ],
      engagement: [
        'You kept the conversation going right to the end.',
        'You acknowledged what the other person said before answering.',
      ],
    },
    improvements: {
      questions: [
        'Next time, try adding one question that checks what the other person means.',
        'Asking "what exactly do you mean?" can prevent misunderstandings.',
      ],
      courtesy: [
        'A quick "thank you" or "that really helps" would make an even better impression.',
        "Try adding a word that acknowledges the other person's position.",
      ],
      detail: [
        'Adding specifics such as dates or numbers will make you clearer.',
        'Try giving the conclusion first and the reason after.',
      ],
      proposals: [
        'Instead of only declining, try offering one alternative.',
        'Try suggesting what you would do yourself.',
      ],
      length: [
        'Many replies were very short; try adding a reason or how you feel.',
        'After a short answer, add one sentence explaining why.',
      ],
    },
    closing: [
      'Keep it up and try the next practice too.',
      'Your way of speaking is getting clearer step by step.',
    ],
  },
};
