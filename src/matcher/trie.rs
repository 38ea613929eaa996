//! The compiled surface forms: a byte trie, folded to ASCII lower case, that answers one
//! question — which surface forms does the text spell from this offset on?
//!
//! The matcher only asks at word starts, so the trie needs no failure links: it is the
//! goto function of an Aho-Corasick automaton without the rest, and builds in one pass over
//! the sorted surfaces (DESIGN.md, "Throughput and scale", has the measurements).
//!
//! Layout: nodes are numbered breadth-first, so the children of a node are consecutive
//! nodes, in order of their edge byte. A node records its edge byte and where its children,
//! its patterns and its tail begin; the next node records where they end. Looking for a child
//! reads the children themselves, so each step of a walk touches one stretch of memory: the
//! walk is bound by memory latency, not by instructions. Twelve bytes per node, no pointers.
//!
//! Below the pair table, a run of bytes that every pattern through a node spells next, with
//! none ending inside it (the "evolutionary Guard Corps" of "Islamic Revolutionary Guard
//! Corps"), is the node's tail, compared eight bytes at a time, instead of a chain of nodes
//! with one dependent load each. Tails bring the default matcher to 1.1 MB from 1.6, and
//! one with 100,000 entries more to 21 MB from 43.
//!
//! A walk from a word start whose first word some pattern begins with does not read that
//! word node by node: a table keyed by the word, which the start test has in hand, gives the
//! node where it ends ([`Jumps`]).

use crate::error::{Error, ErrorKind, Result};
use crate::swar::{ascii_lowercase, equal, first, word_at};

/// A node's edge byte, first child, first pattern and tail; those of the next node end the
/// ranges. The edge byte shares a word with the pattern offset, which leaves that 24 bits
/// (16 million patterns; 100,000 entries make 286,000).
#[derive(Clone, Copy, Debug)]
struct Node {
    child: u32,
    /// The first pattern in the low 24 bits; the edge byte into this node, in ASCII lower
    /// case, in the high 8 (unused for the root).
    output_and_label: u32,
    /// Where the node's tail begins in `Trie::tails`; the next node's ends it.
    tail: u32,
}

/// Patterns a node's 24-bit offset can count (`ErrorKind::MatcherTooLarge` states it).
const MAX_PATTERNS: usize = (1 << 24) - 1;

/// Pattern bytes node ids and tail offsets can count: one node or tail byte per byte at
/// most, plus the root and the sentinel, and `NONE` stays free.
const MAX_BYTES: usize = (u32::MAX - 2) as usize;

impl Node {
    fn new(child: usize, output: usize, tail: usize, label: u8) -> Node {
        Node {
            child: child as u32,
            output_and_label: output as u32 | u32::from(label) << 24,
            tail: tail as u32,
        }
    }

    #[inline]
    fn output(self) -> usize {
        (self.output_and_label & 0x00FF_FFFF) as usize
    }

    #[inline]
    fn label(self) -> u8 {
        (self.output_and_label >> 24) as u8
    }
}

/// Surface forms by prefix, compared ASCII case-insensitively.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// Every node, then a sentinel that ends the last node's ranges. Node 0 is the root.
    nodes: Vec<Node>,
    /// Pattern ids by node: node `n` ends the patterns `outputs[nodes[n].output()..nodes[n
    /// + 1].output()]`, in id order.
    outputs: Vec<u32>,
    /// The patterns of one byte, by byte in both cases: the range of `outputs` that the
    /// root's child for the byte ends, its start in the high half, its end in the low (both
    /// zero without a child). The pair table below answers the walk's first two steps, so of
    /// the root's child this is all the walk reads: one load where the child's node and the
    /// next were two loads, a bounds check and two masks.
    root: Box<[u64; 256]>,
    /// The grandchild of the root for each pair of byte classes, or `NONE`. Nodes near the
    /// root have the most children, so this skips the longest scan.
    pairs: Box<[u32]>,
    /// The class of each byte in `pairs`: the bytes that begin or continue a surface get
    /// one each (both cases of a letter share it), all others class 0, which has no
    /// grandchildren. With few classes the table is a few kilobytes and stays in the
    /// fastest cache; a table of all 65,536 pairs was a cache miss at most word starts.
    classes: Box<[u8; 256]>,
    /// log2 of the row length of `pairs`.
    shift: u32,
    /// The edge byte of every node again, packed, then eight bytes of padding: a node's
    /// children's labels are contiguous, so eight of them are compared in one word.
    labels: Vec<u8>,
    /// The tails of the nodes, in node order: the bytes, after its edge byte, that every
    /// pattern through a node spells before any of them ends or they part.
    tails: Vec<u8>,
    /// For each byte of `tails`, 0x20 if it is a letter, else 0: the bit that tells the
    /// cases of a letter apart, which the text may set or not.
    tail_case: Vec<u8>,
    /// Where a walk continues past its start's first word.
    jumps: Jumps,
}

const NONE: u32 = u32::MAX;

/// The first words a walk can jump past: for the first word of a pattern (its leading run
/// of ASCII letters and digits, lowered, cut at [`JUMP_CUT`] bytes), the node whose edge
/// byte or tail holds its last byte, and how much of that tail it spells.
///
/// A walk from a word start reads the word's bytes one node at a time, and most of the
/// patterns it passes inside the word end there only to fail the matcher's boundary test
/// (between two letters or digits there is none). The start set has already taken the
/// word's key ([`Starts`](super::start::Starts)), so one probe of this table lands where a
/// walk that starts there would be once it has read the word, and the walk goes on from
/// there: at news word starts more than half the nodes a walk visited lay inside the first
/// word. A word whose path passes a pattern that may be found inside a word (a prefix
/// keyword) is left out, as are words of one or two bytes, which the pair table answers.
/// On the seeds 57k of 66k walks jump, and a walk visits 1.8 nodes where it visited 3.8:
/// −7% of the instructions of extraction; the table takes 512 KiB with the default gazetteers.
#[derive(Clone, Debug, Default)]
struct Jumps {
    /// Open addressing, probed upward from the slot, never wrapping: the table is long
    /// enough for the longest probe. An empty slot's key is zero, which no word of three
    /// bytes or more is.
    slots: Box<[Jump]>,
    /// 64 less log2 of the number of home slots: the hash keeps its top bits.
    shift: u32,
}

#[derive(Clone, Copy, Debug)]
struct Jump {
    /// The word, the first byte in the lowest position, zero after it, and its length in
    /// the top byte, which the word leaves free.
    word_and_len: u64,
    /// The node whose edge byte or tail holds the word's last byte, its tail's start moved
    /// past the bytes the word spells, and the next node, which ends its ranges: the walk
    /// reads them from here rather than from the nodes.
    ///
    /// Where the word ends before [`JUMP_CUT`] and spells the whole tail, the byte after it
    /// in the text is no letter or digit; if no child's edge byte is one either, the walk
    /// ends there, and the node's children are given as one whose edge byte is a letter or
    /// digit (the node itself), which the walk tests in one comparison rather than
    /// scanning the children's labels.
    here: Node,
    next: Node,
}

impl Jump {
    /// The bytes of the word a jump's key keeps, which leave its length's byte free.
    const WORD: u64 = u64::MAX >> (8 * (8 - JUMP_CUT));

    #[inline]
    fn word(&self) -> u64 {
        self.word_and_len & Jump::WORD
    }

    #[inline]
    fn len(&self) -> usize {
        (self.word_and_len >> (8 * JUMP_CUT)) as usize
    }
}

impl Default for Jump {
    fn default() -> Jump {
        let none = Node::new(0, 0, 0, 0);
        Jump { word_and_len: 0, here: none, next: none }
    }
}

/// The bytes of a first word that [`Jumps`] keys: the start set's key tells no more
/// ([`start`](super::start)'s `CUT`).
const JUMP_CUT: usize = 7;

impl Jumps {
    /// A table of `(word, jump)`, twice as many home slots as words.
    fn new(mut words: Vec<Jump>) -> Jumps {
        words.sort_unstable_by_key(Jump::word);
        words.dedup_by_key(|w| w.word());
        let homes = (2 * words.len()).max(2).next_power_of_two();
        let mut jumps = Jumps {
            slots: vec![Jump::default(); homes].into_boxed_slice(),
            shift: 64 - homes.trailing_zeros(),
        };
        let mut slots = std::mem::take(&mut jumps.slots).into_vec();
        for jump in words {
            let mut slot = jumps.home(jump.word());
            while slots.get(slot).is_some_and(|s| s.word() != 0) {
                slot += 1;
            }
            if slot >= slots.len() {
                slots.resize(slot + 1, Jump::default());
            }
            slots[slot] = jump;
        }
        jumps.slots = slots.into_boxed_slice();
        jumps
    }

    #[inline]
    fn home(&self, word: u64) -> usize {
        const FIBONACCI: u64 = 0x9E37_79B9_7F4A_7C15;
        (word.wrapping_mul(FIBONACCI) >> self.shift) as usize
    }

    /// The jump for the first word whose key is `first_word` (its first byte as written, the
    /// others lowered), if the table holds it.
    #[inline]
    fn find(&self, first_word: u64) -> Option<Jump> {
        // The first byte lowered (a digit has bit 5 set already), the bytes past the cut
        // dropped.
        let word = (first_word | 0x20) & Jump::WORD;
        if word <= 0xFFFF {
            return None;
        }
        let mut slot = self.home(word);
        loop {
            let jump = self.slots.get(slot)?;
            if jump.word() == word {
                return Some(*jump);
            }
            if jump.word() == 0 {
                return None;
            }
            slot += 1;
        }
    }

    /// Heap bytes used.
    fn memory_usage(&self) -> usize {
        self.slots.len() * core::mem::size_of::<Jump>()
    }
}

/// Each byte in ASCII lower case: one load in the walk's step, where the range test and the
/// shift it replaced were four instructions more.
static LOWER: [u8; 256] = {
    let mut lower = [0; 256];
    let mut b = 0;
    while b < 256 {
        lower[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    lower
};

/// What [`Trie::prefixes`] calls with each pattern it finds and where it ends. A trait
/// rather than a closure so that the matcher's implementation can be inlined into the walk:
/// a closure's body is a function of its own, which the compiler called at every pattern.
pub(crate) trait Found {
    fn found(&mut self, pattern: u32, end: usize);

    /// Called when a walk ends because the trie has no child for the byte before `reach`
    /// (or, for the second byte, no grandchild of the root for the first two): what it found
    /// then depends on the bytes from its start to `reach` only. Walks that end otherwise (a
    /// tail that differs, the end of the haystack) do not call it.
    #[inline]
    fn reached(&mut self, reach: usize) {
        let _ = reach;
    }
}

impl<F: FnMut(u32, usize)> Found for F {
    #[inline]
    fn found(&mut self, pattern: u32, end: usize) {
        self(pattern, end)
    }
}

impl Trie {
    /// Builds the trie of `patterns`; the `i`-th is reported as id `i`. `inside_words` tells
    /// the patterns that may be found where they end inside a word ([`Jumps`]).
    ///
    /// # Errors
    /// More than [`MAX_PATTERNS`] patterns or [`MAX_BYTES`] bytes of them.
    pub(crate) fn build<'p>(
        patterns: impl IntoIterator<Item = &'p [u8]>,
        inside_words: impl Fn(u32) -> bool,
    ) -> Result<Trie> {
        // All patterns folded into one buffer: at 100,000 entries a box per pattern would cost
        // more in allocator overhead than the bytes themselves.
        let mut folded: Vec<u8> = Vec::new();
        let mut bounds: Vec<u32> = vec![0];
        for p in patterns {
            let bytes = folded.len() + p.len();
            if bytes > MAX_BYTES || bounds.len() > MAX_PATTERNS {
                return Err(Error::from(ErrorKind::MatcherTooLarge { patterns: bounds.len(), bytes }));
            }
            folded.extend(p.iter().map(u8::to_ascii_lowercase));
            bounds.push(folded.len() as u32);
        }
        let count = bounds.len() - 1;
        let pattern = |id: u32| &folded[bounds[id as usize] as usize..bounds[id as usize + 1] as usize];
        let mut order: Vec<u32> = (0..count as u32).collect();
        order.sort_unstable_by(|&a, &b| pattern(a).cmp(pattern(b)).then(a.cmp(&b)));
        let key = |i: u32| pattern(order[i as usize]);
        // Breadth-first, one level at a time: the patterns that share a node's prefix are a
        // range of `order`, and within it the patterns that end here come first, then one
        // run per next byte, each of which becomes a child.
        let mut nodes: Vec<Node> = Vec::new();
        // The edge byte of every node, filled ahead of the nodes: a node is numbered when its
        // parent is visited, and written when its own level is.
        let mut labels: Vec<u8> = vec![0];
        let mut outputs: Vec<u32> = Vec::with_capacity(count);
        let mut tails: Vec<u8> = Vec::new();
        // A range of `order`, and the bytes its patterns share.
        let mut level: Vec<(u32, u32, u32)> = vec![(0, order.len() as u32, 0)];
        let mut next_level: Vec<(u32, u32, u32)> = Vec::new();
        while !level.is_empty() {
            for &(lo, hi, depth) in &level {
                let label = labels[nodes.len()];
                let tail = tails.len();
                let mut depth = depth as usize;
                // Below the pair table, bytes that every pattern of the node continues with,
                // and at which none ends, become its tail.
                while depth >= 2
                    && key(lo).len() > depth
                    && key(hi - 1).len() > depth
                    && key(lo)[depth] == key(hi - 1)[depth]
                {
                    tails.push(key(lo)[depth]);
                    depth += 1;
                }
                nodes.push(Node::new(labels.len(), outputs.len(), tail, label));
                let mut i = lo;
                while i < hi && key(i).len() == depth {
                    outputs.push(order[i as usize]);
                    i += 1;
                }
                while i < hi {
                    let byte = key(i)[depth];
                    let run = i;
                    while i < hi && key(i)[depth] == byte {
                        i += 1;
                    }
                    labels.push(byte);
                    next_level.push((run, i, depth as u32 + 1));
                }
            }
            core::mem::swap(&mut level, &mut next_level);
            next_level.clear();
        }
        nodes.push(Node::new(labels.len(), outputs.len(), tails.len(), 0));
        nodes.shrink_to_fit();
        tails.extend([0; 8]);
        tails.shrink_to_fit();
        let tail_case = tails.iter().map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 }).collect();

        let mut root = Box::new([0; 256]);
        for child in nodes[0].child..nodes[1].child {
            let (here, next) = (nodes[child as usize], nodes[child as usize + 1]);
            let byte = here.label();
            let outputs = (here.output() as u64) << 32 | next.output() as u64;
            root[usize::from(byte)] = outputs;
            root[usize::from(byte.to_ascii_uppercase())] = outputs;
        }
        let grandchildren = || {
            let nodes: &[Node] = &nodes;
            (nodes[0].child..nodes[1].child).flat_map(move |child| {
                let (here, next) = (nodes[child as usize], nodes[child as usize + 1]);
                let a = here.label();
                (here.child..next.child).map(move |g| (a, nodes[g as usize].label(), g))
            })
        };
        let mut classes = Box::new([0u8; 256]);
        let mut count = 1;
        for (a, b, _) in grandchildren() {
            for byte in [a, b] {
                if classes[usize::from(byte)] == 0 && count < 256 {
                    classes[usize::from(byte)] = count as u8;
                    classes[usize::from(byte.to_ascii_uppercase())] = count as u8;
                    count += 1;
                }
            }
        }
        let shift = if count < 256 {
            (count as u32).next_power_of_two().trailing_zeros()
        } else {
            // Too many kinds of bytes to number: every byte is its own class.
            classes.iter_mut().enumerate().for_each(|(b, c)| *c = b as u8);
            8
        };
        let mut pairs = vec![NONE; 1 << (2 * shift)].into_boxed_slice();
        for (a, b, grandchild) in grandchildren() {
            let i = usize::from(classes[usize::from(a)]) << shift | usize::from(classes[usize::from(b)]);
            pairs[i] = grandchild;
        }
        let mut labels: Vec<u8> = nodes.iter().map(|n| n.label()).collect();
        labels.extend([0; 8]);
        let mut trie = Trie {
            nodes,
            outputs,
            root,
            pairs,
            classes,
            shift,
            labels,
            tails,
            tail_case,
            jumps: Jumps::default(),
        };
        let mut jumps = Vec::new();
        for id in 0..(bounds.len() - 1) as u32 {
            let run = pattern(id).iter().take(JUMP_CUT).take_while(|b| b.is_ascii_alphanumeric()).count();
            if run >= 3 {
                let word = &pattern(id)[..run];
                if let Some((node, depth)) = trie.landing(word, &inside_words) {
                    jumps.push(trie.jump(word, node, depth));
                }
            }
        }
        trie.jumps = Jumps::new(jumps);
        Ok(trie)
    }

    /// The jump past `word`, which lands in `node`, whose edge byte is the word's byte
    /// `depth - 1`.
    fn jump(&self, word: &[u8], node: u32, depth: u32) -> Jump {
        let (mut here, mut next) = (self.nodes[node as usize], self.nodes[node as usize + 1]);
        let spelled = word.len() as u32 - depth;
        // The word spells the start of the node's tail.
        here.tail += spelled;
        let children = &self.labels[here.child as usize..next.child as usize];
        if word.len() < JUMP_CUT && here.tail == next.tail && children.iter().all(u8::is_ascii_alphanumeric) {
            // The walk ends at the byte after the word: a child whose label is the node's
            // own, a letter or digit, stands for the children.
            (here.child, next.child) = (node, node + 1);
        }
        Jump { word_and_len: word_at(word, 0) | (word.len() as u64) << (8 * JUMP_CUT), here, next }
    }

    /// The node whose edge byte or tail holds the last byte of `word`, which a pattern
    /// begins with, and the depth of its edge byte; `None` if some pattern that
    /// `inside_words` tells ends before that node.
    fn landing(&self, word: &[u8], inside_words: impl Fn(u32) -> bool) -> Option<(u32, u32)> {
        let (mut node, mut depth) = (0, 0);
        loop {
            let (here, next) = (*self.nodes.get(node)?, *self.nodes.get(node + 1)?);
            let tail = self.tails.get(here.tail as usize..next.tail as usize)?;
            if depth + tail.len() >= word.len() {
                let spelled = word.get(depth..)? == tail.get(..word.len() - depth)?;
                return spelled.then_some((node as u32, depth as u32));
            }
            if word.get(depth..depth + tail.len())? != tail {
                return None;
            }
            depth += tail.len();
            if self.outputs.get(here.output()..next.output())?.iter().any(|&id| inside_words(id)) {
                return None;
            }
            let byte = *word.get(depth)?;
            node = (here.child as usize..next.child as usize)
                .find(|&child| self.nodes.get(child).is_some_and(|c| c.label() == byte))?;
            depth += 1;
        }
    }

    /// Calls `found(pattern, end)` for every pattern that `haystack[start..]` begins with,
    /// ASCII case-insensitively: shortest first, patterns of equal text in id order. `end`
    /// is the offset one past the pattern in `haystack`.
    ///
    /// `first_word` is the key of the first word at `start` (`start::Block::first_word_key`,
    /// its first byte as written, the others lowered; 0 to walk from the root). Where [`Jumps`]
    /// holds it, the walk begins past it, and leaves out the patterns that end inside it,
    /// which the matcher's boundary test would reject: all but those `inside_words` told.
    #[inline]
    pub(crate) fn prefixes(&self, haystack: &[u8], start: usize, first_word: u64, mut found: impl Found) {
        let entered = match self.jumps.find(first_word) {
            Some(jump) => self.enter_nodes(haystack, jump.here, jump.next, start + jump.len()),
            None => {
                let Some(&first) = haystack.get(start) else { return };
                let outputs = self.root[usize::from(first)];
                let (from, to) = ((outputs >> 32) as usize, outputs as u32 as usize);
                if from != to {
                    for &pattern in self.outputs.get(from..to).unwrap_or_default() {
                        found.found(pattern, start + 1);
                    }
                }
                let Some(&second) = haystack.get(start + 1) else { return };
                let pair = usize::from(self.classes[usize::from(first)]) << self.shift
                    | usize::from(self.classes[usize::from(second)]);
                let node = self.pairs[pair];
                if node == NONE {
                    found.reached(start + 2);
                    return;
                }
                self.enter(haystack, node, start + 2)
            }
        };
        let Some((mut here, mut next, mut end)) = entered else { return };
        loop {
            // Most nodes end no pattern: their empty range is not sliced.
            if here.output() != next.output() {
                for &pattern in &self.outputs[here.output()..next.output()] {
                    found.found(pattern, end);
                }
            }
            let Some(&byte) = haystack.get(end) else { return };
            let byte = LOWER[usize::from(byte)];
            let node = if next.child - here.child == 1 {
                // One child (with tails, mostly after a pattern's end: "Korea" before
                // "Korean"): its label is checked in its own node, which the next step
                // reads anyway, without a load from the label array.
                match self.nodes.get(here.child as usize) {
                    Some(child) if child.label() == byte => here.child,
                    _ => NONE,
                }
            } else {
                self.child(here.child as usize, next.child as usize, byte)
            };
            end += 1;
            if node == NONE {
                found.reached(end);
                return;
            }
            let Some(entered) = self.enter(haystack, node, end) else { return };
            (here, next, end) = entered;
        }
    }

    /// Enters `node`, whose edge byte ends before `end`, and compares its tail: the node and
    /// the next, which ends its ranges, and where the tail ends in the text; `None` if the
    /// text does not spell the tail.
    #[inline(always)]
    fn enter(&self, haystack: &[u8], node: u32, end: usize) -> Option<(Node, Node, usize)> {
        // A node and the next with one bounds check.
        let Some(&[here, next]) = self.nodes.get(node as usize..node as usize + 2) else { return None };
        self.enter_nodes(haystack, here, next, end)
    }

    /// [`Trie::enter`] with the node and the next in hand.
    #[inline(always)]
    fn enter_nodes(
        &self,
        haystack: &[u8],
        here: Node,
        next: Node,
        end: usize,
    ) -> Option<(Node, Node, usize)> {
        let tail = (here.tail as usize, next.tail as usize);
        if tail.0 < tail.1 {
            if !self.spells_tail(haystack, end, tail) {
                return None;
            }
            return Some((here, next, end + (tail.1 - tail.0)));
        }
        Some((here, next, end))
    }

    /// Whether `haystack` spells `tails[tail.0..tail.1]` from `at`, ASCII case-insensitively,
    /// eight bytes at a time. `tails` ends in eight bytes of padding; past the end of the
    /// haystack the bytes are zero, which no tail holds.
    ///
    /// A text byte with bit 5 set is a tail's lower-case letter exactly when it is that
    /// letter in either case, since the cases differ in that bit only: setting it where the
    /// tail has a letter ([`Trie::tail_case`]) takes three instructions where lowering the
    /// text took twelve.
    ///
    /// Eight bytes of text are read in one load; near the end of the haystack, where fewer
    /// are left, the comparison goes on out of line ([`Trie::spells_tail_near_the_end`]): its
    /// byte-by-byte path, set up beside every load, cost ten instructions per tail.
    #[inline]
    fn spells_tail(&self, haystack: &[u8], at: usize, tail: (usize, usize)) -> bool {
        let (mut k, end) = tail;
        let mut at = at;
        while k < end {
            let Some((want, case, keep)) = self.tail_word(k, end) else { return false };
            let Some(text) = haystack.get(at..at + 8) else {
                return self.spells_tail_near_the_end(haystack, at, (k, end));
            };
            let text = u64::from_le_bytes(text.try_into().unwrap_or_default());
            let same = ((text | case) ^ want) & keep == 0;
            debug_assert_eq!(same, (ascii_lowercase(text) ^ want) & keep == 0, "the comparison it replaced");
            if !same {
                return false;
            }
            k += 8;
            at += 8;
        }
        true
    }

    /// The eight bytes of the tail list at `k` as [`Trie::spells_tail`] compares them: the
    /// bytes, their case bits, and the mask of those that belong to the tail ending at `end`
    /// (one to eight of them).
    #[inline(always)]
    fn tail_word(&self, k: usize, end: usize) -> Option<(u64, u64, u64)> {
        let (want, case) = (self.tails.get(k..k + 8)?, self.tail_case.get(k..k + 8)?);
        let want = u64::from_le_bytes(want.try_into().unwrap_or_default());
        let case = u64::from_le_bytes(case.try_into().unwrap_or_default());
        Some((want, case, u64::MAX >> (8 * (8 - (end - k).min(8)))))
    }

    /// [`Trie::spells_tail`] where fewer than eight bytes of the haystack are left at `at`,
    /// the bytes past its end read as zeros.
    #[inline(never)]
    #[cold]
    fn spells_tail_near_the_end(&self, haystack: &[u8], at: usize, tail: (usize, usize)) -> bool {
        let (mut k, end) = tail;
        let mut at = at;
        while k < end {
            let Some((want, case, keep)) = self.tail_word(k, end) else { return false };
            if ((word_at(haystack, at) | case) ^ want) & keep != 0 {
                return false;
            }
            k += 8;
            at += 8;
        }
        true
    }

    /// The node among `lo..hi` whose label is `byte`, or `NONE`. Eight labels per step,
    /// without a branch per label: the end of a scan label by label mispredicts at most
    /// nodes, and those mispredictions were most of the matcher's time.
    ///
    /// The first eight labels are read before any test of `hi`: a node without children
    /// finds none of them below `hi` either, and the walk asks this only of nodes with two
    /// or more.
    #[inline]
    fn child(&self, lo: usize, hi: usize, byte: u8) -> u32 {
        let mut at = lo;
        loop {
            // `labels` ends in eight bytes of padding, so eight labels are always there. Only
            // the lowest mark is read: a label past `hi` ends the scan.
            let Some(eight) = self.labels.get(at..at + 8) else { return NONE };
            let found = equal(u64::from_le_bytes(eight.try_into().unwrap_or_default()), byte);
            if found != 0 {
                let i = at + first(found);
                return if i < hi { i as u32 } else { NONE };
            }
            at += 8;
            if at >= hi {
                return NONE;
            }
        }
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.labels.len()
            + self.nodes.len() * core::mem::size_of::<Node>()
            + self.outputs.len() * 4
            + core::mem::size_of::<[u64; 256]>()
            + self.pairs.len() * 4
            + 256
            + self.tails.len()
            + self.tail_case.len()
            + self.jumps.memory_usage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(trie: &Trie, text: &str, start: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        trie.prefixes(text.as_bytes(), start, 0, |p, end| out.push((p, end)));
        out
    }

    #[test]
    fn shortest_first_case_insensitive_anchored() {
        let patterns: [&[u8]; 6] = [b"North Korean", b"Korea", b"North Korea", b"NK", b"north", b"Nk"];
        let trie = Trie::build(patterns, |_| false).unwrap();
        let text = "NORTH KOREANS in nk";
        assert_eq!(prefixes(&trie, text, 0), [(4, 5), (2, 11), (0, 12)]);
        // Anchored: "Korea" inside "North Korea" is only found from its own start.
        assert_eq!(prefixes(&trie, text, 1), []);
        assert_eq!(prefixes(&trie, text, 6), [(1, 11)]);
        assert_eq!(prefixes(&trie, text, 17), [(3, 19), (5, 19)]);
        assert_eq!(prefixes(&trie, text, text.len()), []);
    }

    #[test]
    fn more_kinds_of_bytes_than_classes() {
        // 255 first bytes, each followed by "x", and "a" followed by each of them: more
        // bytes than the pair table can number, so every byte becomes its own class.
        let owned: Vec<Vec<u8>> = (1..=u8::MAX).flat_map(|b| [vec![b, b'x'], vec![b'a', b]]).collect();
        let trie = Trie::build(owned.iter().map(Vec::as_slice), |_| false).unwrap();
        assert_eq!(trie.shift, 8);
        let found = |text: &[u8]| {
            let mut out = Vec::new();
            trie.prefixes(text, 0, 0, |p, end| out.push((owned[p as usize].clone(), end)));
            out
        };
        assert_eq!(found(b"\xffx"), [(vec![0xff, b'x'], 2)]);
        assert_eq!(found(b"A\x07"), [(vec![b'a', 7], 2)]);
        // Case-insensitive, in id order: "Ax", "aX", then "ax" from both families.
        let ax: Vec<Vec<u8>> = found(b"ax").into_iter().map(|(p, _)| p).collect();
        assert_eq!(ax, [&b"Ax"[..], b"aX", b"ax", b"ax"]);
        assert!(found(b"\xff\xff").is_empty());
    }

    #[test]
    fn tails_are_spelled_in_any_case_and_not_past_the_end() {
        let patterns: [&[u8]; 5] = [
            b"Islamic Revolutionary Guard Corps",
            b"Islamic State",
            b"Isla",
            "Isländisch Öl".as_bytes(),
            b"Is",
        ];
        let trie = Trie::build(patterns, |_| false).unwrap();
        // Past "isl" every pattern but one is spelled by a tail of its own.
        assert!(trie.nodes.len() < patterns.iter().map(|p| p.len()).sum::<usize>() / 2);
        let found = |text: &str| {
            let mut out = Vec::new();
            trie.prefixes(text.as_bytes(), 0, 0, |p, end| out.push((p, end)));
            out
        };
        assert_eq!(found("ISLAMIC REVOLUTIONARY GUARD CORPS"), [(4, 2), (2, 4), (0, 33)]);
        assert_eq!(found("Islamic Revolutionary Guard Corp"), [(4, 2), (2, 4)], "the text ends in the tail");
        assert_eq!(
            found("Islamic Revolutionary Guard Korps"),
            [(4, 2), (2, 4)],
            "a byte after eight differs"
        );
        assert_eq!(found("islamic state of"), [(4, 2), (2, 4), (1, 13)]);
        assert_eq!(found("Isländisch Öl"), [(4, 2), (3, 15)]);
        assert_eq!(found("ISLÄNDISCH Öl"), [(4, 2)], "only ASCII folds");
        assert_eq!(found("Is"), [(4, 2)]);
    }

    /// `spells_tail` as it lowered the text eight bytes at a time.
    fn old_spells_tail(trie: &Trie, haystack: &[u8], at: usize, tail: (usize, usize)) -> bool {
        let (mut k, end) = tail;
        let mut at = at;
        while k < end {
            let Some(eight) = trie.tails.get(k..k + 8) else { return false };
            let want = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            let n = (end - k).min(8);
            let keep = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
            if (ascii_lowercase(word_at(haystack, at)) ^ want) & keep != 0 {
                return false;
            }
            k += 8;
            at += 8;
        }
        true
    }

    proptest::proptest! {
        /// Every tail of a trie of words with letters, digits, punctuation and non-ASCII
        /// bytes, against text made of the same, in any case, at every offset.
        #[test]
        fn tails_compare_as_they_did_when_the_text_was_lowered(
            words in proptest::collection::vec("[a-zA-Z0-9 @\\[`{.’é\x00-]{1,24}", 1..8),
            text in "[a-zA-Z0-9 @\\[`{.’éÉ\x00-]{0,40}",
        ) {
            let trie = Trie::build(words.iter().map(|w| w.as_bytes()), |_| false).unwrap();
            let mut haystack = text.into_bytes();
            haystack.extend(words.iter().flat_map(|w| w.to_ascii_uppercase().into_bytes()));
            haystack.extend(words.iter().flat_map(|w| w.clone().into_bytes()));
            for node in trie.nodes.windows(2) {
                let tail = (node[0].tail as usize, node[1].tail as usize);
                for at in 0..=haystack.len() + 1 {
                    proptest::prop_assert_eq!(
                        trie.spells_tail(&haystack, at, tail),
                        old_spells_tail(&trie, &haystack, at, tail)
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// Every walk against the patterns each start begins with, found by comparing each
        /// pattern: one-byte patterns (which the root's table reports), first bytes without
        /// a child, tails, and patterns that end at the end of the text.
        #[test]
        fn a_walk_finds_the_patterns_its_start_begins_with(
            words in proptest::collection::vec("[abAB1 .é-]{1,6}", 1..12),
            text in "[abcAB1 .é-]{0,24}",
        ) {
            let trie = Trie::build(words.iter().map(|w| w.as_bytes()), |_| false).unwrap();
            let haystack = text.as_bytes();
            for start in 0..=haystack.len() + 1 {
                let mut want: Vec<(u32, usize)> = (0..words.len() as u32)
                    .filter(|&i| {
                        let w = words[i as usize].as_bytes();
                        haystack.get(start..start + w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
                    })
                    .map(|i| (i, start + words[i as usize].len()))
                    .collect();
                want.sort_by_key(|&(i, end)| (end, i));
                proptest::prop_assert_eq!(prefixes(&trie, &text, start), want);
            }
        }
    }

    /// The key of the first word at `start`, as the start set gives it: the leading run of
    /// ASCII letters and digits, cut at eight bytes, the first byte as written and the others
    /// lowered; a first byte that is no letter or digit alone.
    fn first_word_key(haystack: &[u8], start: usize) -> u64 {
        let rest = haystack.get(start..).unwrap_or_default();
        let run = rest.iter().take(8).take_while(|b| b.is_ascii_alphanumeric()).count().max(1);
        rest.iter().take(run).enumerate().fold(0, |key, (i, &b)| {
            key | u64::from(if i == 0 { b } else { b.to_ascii_lowercase() }) << (8 * i)
        })
    }

    /// What a walk reports and how far it reads, from the root (key 0) or past the first
    /// word by its key.
    fn walk(trie: &Trie, haystack: &[u8], start: usize, key: u64) -> (Vec<(u32, usize)>, Option<usize>) {
        struct Record(Vec<(u32, usize)>, Option<usize>);
        impl Found for &mut Record {
            fn found(&mut self, pattern: u32, end: usize) {
                self.0.push((pattern, end));
            }
            fn reached(&mut self, reach: usize) {
                self.1 = Some(reach);
            }
        }
        let mut record = Record(Vec::new(), None);
        trie.prefixes(haystack, start, key, &mut record);
        (record.0, record.1)
    }

    proptest::proptest! {
        /// A walk that jumps past the first word must report what the walk from the root
        /// reports, but for patterns that end inside the word's first seven bytes (which
        /// the boundary test rejects) and are not found inside words; and read as far. Few
        /// letters, so that words share prefixes, and long words, so that tails and the cut
        /// at seven bytes are crossed; some words are found inside words. The text is made
        /// of the words, cut short or run on, and of other words.
        #[test]
        fn a_jump_past_the_first_word_finds_what_the_walk_found(
            words in proptest::collection::vec("[abAB1]{1,10}([ .é-][abAB1 ]{0,4})?", 1..16),
            inside in proptest::collection::vec(proptest::bool::ANY, 16),
            pieces in proptest::collection::vec((0..32usize, 0..12usize, "[abAB1]{0,3}[ .é-]?"), 0..6),
        ) {
            let inside_words = |id: u32| inside[id as usize];
            let trie = Trie::build(words.iter().map(|w| w.as_bytes()), inside_words).unwrap();
            let mut text = String::new();
            for (pick, cut, more) in &pieces {
                match words.get(*pick) {
                    Some(word) => text.extend(word.chars().take(*cut)),
                    None => text.push_str("bAa1b"),
                }
                text.push_str(more);
            }
            let haystack = text.as_bytes();
            for start in 0..=haystack.len() + 1 {
                let run = haystack
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .take(JUMP_CUT)
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let (from_root, reach) = walk(&trie, haystack, start, 0);
                let (jumped, jumped_reach) = walk(&trie, haystack, start, first_word_key(haystack, start));
                let outside = |&(id, end): &(u32, usize)| end >= start + run || inside_words(id);
                let want: Vec<(u32, usize)> = from_root.iter().copied().filter(outside).collect();
                let got: Vec<(u32, usize)> = jumped.iter().copied().filter(outside).collect();
                proptest::prop_assert_eq!(got, want, "{:?} at {}", text, start);
                // Nothing is reported that the walk from the root did not report.
                proptest::prop_assert!(jumped.iter().all(|f| from_root.contains(f)));
                proptest::prop_assert_eq!(jumped_reach, reach);
            }
        }
    }

    #[test]
    fn a_jump_lands_past_the_first_word() {
        let patterns: [&[u8]; 6] =
            [b"Kim", b"Kim Jong Un", b"Kimberly", b"Islamic State", b"Isla", b"return"];
        let trie = Trie::build(patterns, |id| id == 5).unwrap();
        // The word's length, and what is left of the tail of the node it lands in.
        let lands = |word: &str| {
            trie.jumps.find(first_word_key(word.as_bytes(), 0)).map(|j| {
                (
                    j.len(),
                    String::from_utf8_lossy(&trie.tails[j.here.tail as usize..j.next.tail as usize])
                        .into_owned(),
                )
            })
        };
        // Every pattern through "ki" spells "m" next, its tail; "islamic" ends inside the
        // tail of the "m" after "isla".
        assert_eq!(lands("Kim "), Some((3, String::new())));
        assert_eq!(lands("KIM "), Some((3, String::new())));
        assert_eq!(lands("Islamic "), Some((7, " state".to_string())));
        // A word no pattern begins with, one of two bytes, and one that passes a pattern
        // found inside words.
        assert_eq!(lands("Kimber "), None);
        assert_eq!(lands("Is "), None);
        assert_eq!(lands("returns "), None);
        let text = b"KIM JONG UN, Kimberly, islamic state";
        let jumped = |start: usize| walk(&trie, text, start, first_word_key(text, start));
        assert_eq!(jumped(0), walk(&trie, text, 0, 0));
        // "Kim" ends inside "Kimberly", "Isla" inside "islamic", where the boundary test
        // rejects them.
        assert_eq!(walk(&trie, text, 13, 0), (vec![(0, 16), (2, 21)], Some(22)));
        assert_eq!(jumped(13), (vec![(2, 21)], Some(22)));
        assert_eq!(walk(&trie, text, 23, 0), (vec![(4, 27), (3, 36)], None));
        assert_eq!(jumped(23), (vec![(3, 36)], None));
    }

    /// `child` as it tested `hi` before the first eight labels.
    fn old_child(trie: &Trie, lo: usize, hi: usize, byte: u8) -> u32 {
        let mut at = lo;
        while at < hi {
            let Some(eight) = trie.labels.get(at..at + 8) else { return NONE };
            let found = equal(u64::from_le_bytes(eight.try_into().unwrap_or_default()), byte);
            if found != 0 {
                let i = at + first(found);
                return if i < hi { i as u32 } else { NONE };
            }
            at += 8;
        }
        NONE
    }

    fn same_children_as_before(trie: &Trie) {
        for node in trie.nodes.windows(2) {
            let (lo, hi) = (node[0].child as usize, node[1].child as usize);
            for byte in 0..=u8::MAX {
                assert_eq!(trie.child(lo, hi, byte), old_child(trie, lo, hi, byte), "{lo}..{hi} {byte:#x}");
            }
        }
    }

    #[test]
    fn children_are_found_as_before() {
        // Nodes with no child, one, a few, and more than eight (the root's, and "a" + each).
        let owned: Vec<Vec<u8>> =
            (b'0'..=b'z').flat_map(|b| [vec![b], vec![b'a', b], vec![b'a', b, b'q']]).collect();
        same_children_as_before(&Trie::build(owned.iter().map(Vec::as_slice), |_| false).unwrap());
        let patterns: [&[u8]; 4] = [b"North Korea", b"North Korean", b"Korea", b"NK"];
        same_children_as_before(&Trie::build(patterns, |_| false).unwrap());
        same_children_as_before(&Trie::build([], |_| false).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn children_of_any_trie_are_found_as_before(
            words in proptest::collection::vec("[a-j .é-]{1,5}", 1..40),
        ) {
            same_children_as_before(&Trie::build(words.iter().map(|w| w.as_bytes()), |_| false).unwrap());
        }
    }

    #[test]
    fn the_lower_case_table_is_to_ascii_lowercase() {
        for b in 0..=u8::MAX {
            assert_eq!(LOWER[usize::from(b)], b.to_ascii_lowercase(), "{b:#x}");
        }
    }

    #[test]
    fn empty_and_non_ascii() {
        let trie = Trie::build([], |_| false).unwrap();
        assert_eq!(prefixes(&trie, "anything", 0), []);
        let trie = Trie::build(["Ö".as_bytes(), "Öl".as_bytes()], |_| false).unwrap();
        assert_eq!(prefixes(&trie, "Öl", 0), [(0, 2), (1, 3)]);
        assert_eq!(prefixes(&trie, "öl", 0), [], "only ASCII folds");
    }
}
