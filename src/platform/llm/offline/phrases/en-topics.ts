import type { Topic, TopicLines } from './phrasebook';

/** What an English-speaking character asks and brings up, by what the situation is about. */
export const EN_TOPICS: Record<Topic, TopicLines> = {
  deadline: {
    probes: [
      'At the current pace, do you think we will make the deadline?',
      'If it slips, by how much are we talking?',
      'Which part is taking the most time?',
      'Is there anything we could bring forward?',
    ],
    concerns: [
      'The client has actually asked whether we can deliver a bit earlier.',
      'The deadline is getting close, so it has been on my mind.',
      'With this schedule, I am worried we will not have time to review properly.',
    ],
    advice: [
      'First, list what will not make it and talk to the client early.',
      'It is fine to push the lower-priority tasks back for now.',
    ],
  },
  report: {
    probes: [
      'How are things progressing since we last spoke?',
      'Could you share where you are, even if it is a work in progress?',
      'If something goes wrong, can you let me know early?',
      'How often do you think we should check in?',
    ],
    concerns: [
      'I have noticed the updates have been coming in a little late recently.',
      'When I cannot see where things are, it is hard for me to make decisions.',
      'I need to brief my own manager, so I would like a clear picture.',
    ],
  },
  meeting: {
    probes: [
      'Shall we agree on the main points before the meeting?',
      'Should we send the materials to everyone in advance?',
      'How much time should we block out for the meeting?',
      'Would you prefer to meet online or in person?',
    ],
    concerns: [
      'I would really like us to settle on a direction at the next meeting.',
      'Last time we wrapped up without reaching a decision.',
      'I think it would be quicker to talk face to face.',
    ],
  },
  complaint: {
    probes: [
      'What will you do to make sure this does not happen again?',
      'By when can you resolve this?',
      'Can you explain what caused the problem?',
      'Why did it take so long for anyone to get back to us?',
    ],
    concerns: [
      'What we received was not what we ordered.',
      'We waited three days for a reply to our enquiry, which was frustrating.',
      'I have to explain this to people on my side as well.',
    ],
  },
  instructions: {
    probes: [
      'Was anything in my explanation unclear?',
      'How long do you think this will take?',
      'Will this fit around your other work?',
      'Do you have any questions about how to approach it?',
    ],
    concerns: [
      'I need handouts prepared for everyone at the upcoming meeting.',
      'There is one task I need done fairly urgently.',
      'Could you give the documents going to the client a quick check?',
    ],
  },
  mistake: {
    probes: [
      'Do you know what caused it?',
      'How far does the impact go?',
      'What do you think we could do to prevent it next time?',
      'Have the people affected been told yet?',
    ],
    concerns: [
      'A client just contacted us about an error in the figures.',
      'First of all, I want to understand exactly what happened.',
      'I am not here to blame anyone, so it helps if we can talk openly.',
    ],
    advice: [
      'First, report the facts to the people affected and check how far the impact goes.',
      'Once we know the cause, let us write up how to prevent it together.',
    ],
  },
  feedback: {
    probes: [
      'How do you feel your work has been going lately?',
      'What do you think has been going well?',
      'Is anything making your work harder than it should be?',
      'What would you like to take on over the next three months?',
    ],
    concerns: [
      'The quality of your documents has been excellent.',
      'That said, a few times you have come to me right before a deadline.',
      'I think you could lean on the team a little earlier.',
    ],
  },
  harassment: {
    probes: [
      'Could you tell me what happened, as much as you feel comfortable sharing?',
      'How long has this been going on?',
      'Do you think anyone else has had a similar experience?',
      'What would you like to happen next?',
    ],
    concerns: [
      'Thank you for telling me. I know that took courage.',
      'It can help later to note down dates and what was said.',
      'The internal support line is available too, and it is confidential.',
    ],
    advice: [
      'To start with, keep a record of what happened and when.',
      'Please do not carry this alone. You can also go to the internal support line or HR.',
      'Once I know what you want, I can speak to the people involved myself.',
    ],
  },
  negotiation: {
    probes: [
      'What kind of budget did you have in mind?',
      'Which matters more to you, the delivery date or the price?',
      'Are you comparing us with other suppliers?',
      'Under what conditions would this work for you?',
    ],
    concerns: [
      'To be honest, it will be hard to get internal approval at the current quote.',
      'Because we want a long-term relationship, I would like to get the terms right.',
      'If we increase the volume, could you bring the unit price down?',
    ],
  },
  leave: {
    probes: [
      'Which dates are you planning to be away?',
      'Who will cover your work while you are out?',
      'What should we do if something urgent comes up?',
      'Are you feeling all right?',
    ],
    concerns: [
      'That week happens to be the busiest point of the project.',
      'Taking the time off is not a problem at all, and thanks for telling me early.',
      'I really need to talk to you in person tomorrow. Can you come in?',
    ],
  },
  onboarding: {
    probes: [
      'Are you starting to settle in?',
      'Have you found someone you can go to with questions?',
      'What is the most confusing thing for you right now?',
      'How does the way we work compare with your last job?',
    ],
    concerns: [
      'It is completely normal not to know everything at first.',
      'There are a few team conventions I have not explained yet.',
      'From next week, we will start handing you a few things to own.',
    ],
  },
  change: {
    probes: [
      'What worries you most about the new approach?',
      'What do you think works well in the current process?',
      'What if we tried it on a small part first?',
      'What would it take to reflect feedback from the people doing the work?',
    ],
    concerns: [
      'We are switching to the new system next month.',
      'The main goal of the change is to cut down on manual data entry.',
      'I know it will take some time to get used to.',
    ],
  },
  compliance: {
    probes: [
      'Have you checked the company policy on this?',
      'What do you think would happen if it became an issue?',
      'Would it help to talk to your manager about it?',
      'Could you apply for permission, rather than keep it quiet?',
    ],
    concerns: [
      'I am saying this because I am worried it might break the rules.',
      'I am not trying to criticise you; I just do not want you to get into trouble.',
      'Not knowing the rule is not always accepted as an excuse.',
    ],
    advice: [
      'Shall we look at the company rules together first?',
      'Talk to your manager early, and apply for permission if you need to.',
    ],
  },
  teamwork: {
    probes: [
      'Where does the team usually share information?',
      'Do you know who to ask to get a reliable answer?',
      'Does it feel easy to ask people for help here?',
      'How do you feel about the way the work is split?',
    ],
    concerns: [
      'Wait, you were not added to the group chat?',
      'Maybe we simply forgot to bring new people in.',
      'I would really like us to work well together as a team.',
    ],
    advice: [
      'First, ask someone to add you to the group chat.',
      'A simple list of who owns what would save everyone some guesswork.',
    ],
  },
  lunch: {
    probes: [
      'What did you go for today?',
      'Do you know any good places around here?',
      'Do you usually eat in the canteen?',
      'Have you had anything really good lately?',
    ],
    concerns: [
      'The daily special is actually pretty good today.',
      'I have started bringing lunch from home recently.',
      'I need a proper meal before the afternoon meeting.',
    ],
  },
  break: {
    probes: [
      'What does your afternoon look like?',
      'Do you take your coffee black?',
      'Have you been busy lately?',
      'Are you managing to take proper breaks?',
    ],
    concerns: [
      'I always get sleepy around this time.',
      'I hear the new coffee machine is pretty popular.',
      'I have been in meetings all morning, so this is my first breather.',
    ],
  },
  morning: {
    probes: [
      'Was the train busy this morning?',
      'Does today look like a busy one?',
      'What time do you usually get up?',
      'Did you have a relaxing weekend?',
    ],
    concerns: [
      'I got in a little earlier than usual today.',
      'I like to clear my inbox first thing.',
      'I have to head out for a meeting this afternoon.',
    ],
  },
  evening: {
    probes: [
      'Any plans for this evening?',
      'Was today a busy one for you?',
      'What are you up to this weekend?',
      'Have you been leaving late recently?',
    ],
    concerns: [
      'Today wrapped up sooner than I expected.',
      'Lately I have been walking part of the way home.',
      'I have an early meeting tomorrow, so I am heading off on time today.',
    ],
  },
  party: {
    probes: [
      'Do you often come to these socials?',
      'What are you drinking?',
      'How long have you been with the team now?',
      'What do you like to do on your days off?',
    ],
    concerns: [
      'It is nice to talk to people I do not usually work with.',
      'This place is supposed to have great food.',
      'To be honest, I am not great at events like this.',
    ],
  },
  smalltalk: {
    probes: [
      'Have you got into anything new lately?',
      'What do you usually do on your days off?',
      'Is there a place nearby you go to a lot?',
      'Seen any good films or shows recently?',
    ],
    concerns: [
      'I have got really into long weekend walks lately.',
      'A new cafe opened just around the corner the other day.',
      'I recently started cooking more at home.',
    ],
  },
};
