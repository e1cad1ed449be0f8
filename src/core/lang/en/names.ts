/**
 * People: common first names (which mark a multi-word name as a person) and the capitalised words
 * that start sentences.
 * English language data: general vocabulary only, never a name taken from the seeds or a gold set.
 */

/** The most common given names of the US census / social-security lists (general, not from any text here). */
export const CENSUS_FIRST_NAMES: readonly string[] = [
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony',
  'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob',
  'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Frank',
  'Patrick', 'Raymond', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Jose', 'Adam', 'Henry', 'Douglas', 'Zachary', 'Peter', 'Kyle', 'Noah', 'Ethan',
  'Jeremy', 'Walter', 'Christian', 'Keith', 'Roger', 'Terry', 'Austin', 'Sean', 'Gerald', 'Carl', 'Harold', 'Dylan', 'Arthur', 'Lawrence', 'Jordan',
  'Jesse', 'Bryan', 'Billy', 'Bruce', 'Gabriel', 'Joe', 'Logan', 'Alan', 'Juan', 'Albert', 'Willie', 'Elijah', 'Wayne', 'Randy', 'Vincent', 'Mason',
  'Roy', 'Ralph', 'Bobby', 'Russell', 'Bradley', 'Philip', 'Eugene', 'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan',
  'Jessica', 'Sarah', 'Karen', 'Lisa', 'Nancy', 'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda',
  'Melissa', 'Deborah', 'Stephanie', 'Dorothy', 'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Amy', 'Kathleen', 'Angela', 'Shirley', 'Brenda', 'Emma',
  'Anna', 'Pamela', 'Nicole', 'Samantha', 'Katherine', 'Christine', 'Helen', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Maria', 'Catherine', 'Heather',
  'Diane', 'Olivia', 'Julie', 'Joyce', 'Victoria', 'Ruth', 'Virginia', 'Lauren', 'Kelly', 'Christina', 'Joan', 'Evelyn', 'Judith', 'Andrea',
  'Hannah', 'Megan', 'Cheryl', 'Jacqueline', 'Martha', 'Madison', 'Teresa', 'Gloria', 'Sara', 'Janice', 'Ann', 'Kathryn', 'Abigail', 'Sophia',
  'Frances', 'Jean', 'Alice', 'Judy', 'Isabella', 'Julia', 'Grace', 'Amber', 'Denise', 'Danielle', 'Marilyn', 'Beverly', 'Charlotte', 'Natalie',
  'Theresa', 'Diana', 'Brittany', 'Doris', 'Kayla', 'Alexis', 'Lori', 'Marie'
];

/**
 * Given names common in international news beyond the census list. General knowledge only: no word
 * of a person's name in any gold set may be here (test/unit/langData.test.ts checks it).
 */
export const WORLD_FIRST_NAMES: readonly string[] = [
  'Stephane', 'Jean-Pierre', 'Pierre', 'Francois', 'François',
  'Olaf', 'Vladimir', 'Sergei', 'Sergey', 'Dmitry', 'Dmitri', 'Ivan', 'Nikolai', 'Mikhail', 'Alexei', 'Alexey', 'Recep', 'Ahmet', 'Mehmet', 'Mustafa', 'Muhammad', 'Mohamed', 'Hussein', 'Hussain', 'Omar',
  'Umar', 'Khalid', 'Abdul', 'Abdullah', 'Ibrahim', 'Yusuf', 'Yousuf', 'Nawaz', 'Shehbaz', 'Shahbaz', 'Asif', 'Bilawal', 'Benazir',
  'Pervez', 'Zulfikar', 'Hina', 'Sartaj', 'Shah', 'Narendra', 'Rahul', 'Sonia', 'Manmohan', 'Amit', 'Arvind', 'Rajnath', 'Sushma', 'Subrahmanyam',
  'Jaishankar', 'Ajit', 'Nirmala', 'Xi', 'Zhang', 'Chen', 'Yang', 'Huang', 'Zhou', 'Wu', 'Hu', 'Jin', 'Kim', 'Park', 'Moon', 'Yoon', 'Shinzo', 'Fumio', 'Yoshihide', 'Joko', 'Ferdinand', 'Anwar', 'Mahathir', 'Jacinda', 'Giorgia', 'Luiz',
  'Inacio', 'Nicolas', 'Nicolás', 'Gustavo', 'Andres', 'Andrés', 'Javier', 'Cristina', 'Alberto', 'Fernando', 'Carlos', 'Luis', 'Jorge', 'Rafael', 'Manuel', 'Francisco', 'Kofi', 'Ban', 'António', 'Cyril', 'Thabo', 'Nelson', 'Uhuru', 'Yoweri', 'Bola',
  'Muhammadu', 'Goodluck', 'Olusegun', 'Ellen', 'Hillary', 'Kamala', 'Antony', 'Jake', 'Lloyd', 'Condoleezza',
  'Colin', 'Madeleine', 'Ashraf', 'Hamid', 'Hibatullah', 'Zabihullah', 'Yair', 'Naftali', 'Ehud', 'Mahmoud', 'Yasser', 'Bashar', 'Hafez', 'Hosni',
  'Abdel', 'Fattah', 'Ebrahim', 'Javad', 'Abbas', 'Nasrallah', 'Ayman', 'Abu', 'Anjem', 'Mullah', 'Sirajuddin', 'Jalaluddin', 'Baitullah',
  'Hakimullah', 'Fazlullah', 'Noor', 'Wali', 'Rahman', 'Abdur', 'Tariq', 'Zahid', 'Faisal', 'Farooq', 'Fawad', 'Qamar', 'Javed', 'Raheel',
  'Asim', 'Munir', 'Ishaq', 'Ayaz', 'Maryam', 'Fatima', 'Aisha', 'Ayesha', 'Zainab', 'Sana', 'Saima', 'Nadia', 'Farah', 'Amina', 'Layla', 'Leila',
  'Olena', 'Yulia', 'Svetlana', 'Natalia', 'Tatiana', 'Irina', 'Sofia', 'Lucia', 'Ana', 'Ines', 'Paula', 'Giulia',
  'Chiara', 'Francesca', 'Ursula', 'Annalena', 'Kaja', 'Josep', 'Rishi', 'Keir', 'Liz', 'Gordon', 'Tony', 'Nicola', 'Humza', 'Micheal',
  'Micheál', 'Enda', 'Bertie', 'Jens', 'Mette', 'Sanna', 'Magdalena', 'Jonas', 'Dag', 'Kristalina', 'Ngozi', 'Filippo', 'Mario',
  'Sergio', 'Matteo', 'Silvio', 'Giuseppe', 'Frank-Walter', 'Annegret', 'Horst', 'Heiko', 'Jean-Yves', 'Jean-Luc', 'Jean-Marc',
  'Jean-Claude', 'Dominique', 'Laurent', 'Bruno', 'Gérald', 'Sylvie', 'Anne', 'Valerie', 'Valérie', 'Marine', 'Ségolène',
];

/** Words that, capitalised, are not names (sentence starts, months, weekdays, common words). */
export const STOP_CAPS: readonly string[] = [
  'The', 'A', 'An', 'In', 'On', 'At', 'Of', 'For', 'To', 'From', 'By', 'With', 'Without', 'About', 'After', 'Before', 'During', 'Since', 'Until',
  'And', 'But', 'Or', 'Nor', 'So', 'Yet', 'If', 'When', 'While', 'Where', 'Why', 'How', 'What', 'Which', 'Who', 'Whom', 'Whose', 'That', 'This',
  'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'You', 'I', 'His', 'Her', 'Their', 'Our', 'Your', 'My', 'Him', 'Them', 'Us', 'There',
  'Here', 'Both', 'All', 'Any', 'Some', 'Many', 'Most', 'More', 'Much', 'Few', 'Several', 'Each', 'Every', 'Other', 'Another', 'Such', 'No', 'Not',
  'As', 'Also', 'Although', 'Though', 'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Therefore', 'Thus', 'Still', 'Even', 'Only', 'Just',
  'Obviously', 'Clearly', 'Indeed', 'Instead', 'Earlier', 'Later', 'Last', 'Next', 'Now', 'Then', 'Today', 'Yesterday', 'Tomorrow', 'Please', 'Yes',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar',
  'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mr',
  'Mrs', 'Ms', 'Dr', 'Read', 'Photo', 'File', 'Image', 'Video', 'Click', 'Share', 'Updated', 'Published', 'Copyright', 'Email', 'According', 'Asked',
  'Speaking', 'Addressing', 'Responding', 'Given', 'Despite', 'Under', 'Over', 'Against', 'Between', 'Among', 'Through', 'Into', 'Upon', 'Within',
  'Across', 'Along', 'Around', 'Behind', 'Beyond', 'Near', 'Per', 'Via', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are', 'Was', 'Were', 'Be', 'Been', 'Has',
  'Have', 'Had', 'Will', 'Would', 'Can', 'Could', 'Should', 'Must', 'Might', 'Shall', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight',
  'Nine', 'Ten', 'First', 'Second', 'Third', 'Breaking', 'Exclusive', 'Analysis', 'Opinion', 'Comment', 'Editorial', 'Note', 'Author', 'Sources',
  'Source', 'Officials', 'Official', 'Reports', 'Report', 'People', 'Police', 'Dear', 'Thank', 'Well', 'Again', 'Once', 'Because', 'Unless',
  'Whether', 'Either', 'Neither', 'Whatever', 'Whoever', 'Whenever', 'Wherever', 'Perhaps', 'Maybe', 'Already', 'Often', 'Never', 'Always',
  'Sometimes', 'Soon', 'Recently', 'Finally', 'Overall', 'Similarly', 'Likewise', 'Otherwise', 'Web', 'Internet', 'Nonetheless', 'Nevertheless',
  'Hence', 'Accordingly', 'Additionally', 'Notably', 'Separately', 'Specifically', 'Ultimately', 'Currently',
];

/** Lowercase particles inside personal names ("van der", "bin"). */
export const NAME_PARTICLES: readonly string[] = ['de', 'la', 'los', 'las', 'del', 'du', 'des', 'da', 'dos', 'das', 'di', 'von', 'van', 'der', 'den', 'bin', 'ibn', 'al', 'el'];
