//! Relations on sentences written for these tests (other names, weapons and word order than
//! the seed articles). Each case lists every relation the sentence must give, written
//! `kind modality A > B [item, item]` (`A + B` for meet and agreement, `person > polity` for
//! holds_office); the list is complete, so an extra relation fails the case too.

use std::collections::BTreeSet;

use gazer::relation::Role;
use gazer::{Extractor, Relation, RelationKind};

/// One relation as the tables write it.
fn describe(r: &Relation) -> String {
    let names = |role| r.args(role).map(|a| a.name.to_string()).collect::<Vec<_>>();
    let (a, b, sep, items) = match r.kind {
        RelationKind::Supply => (Role::Supplier, Role::Recipient, ">", names(Role::Item)),
        RelationKind::Deploy => (Role::Sender, Role::Destination, ">", vec![]),
        RelationKind::Attack => (Role::Attacker, Role::Target, ">", names(Role::Weapon)),
        RelationKind::HoldsOffice => (Role::Person, Role::Polity, ">", vec![]),
        RelationKind::Meet | RelationKind::Agreement => {
            let mut p = names(Role::Participants);
            p.sort();
            return format!("{} {} {}", r.kind, r.modality, p.join(" + "));
        }
    };
    let mut s = format!("{} {} {} {sep} {}", r.kind, r.modality, names(a).join(","), names(b).join(","));
    if !items.is_empty() {
        s += &format!(" [{}]", items.join(", "));
    }
    s
}

fn check(cases: &[(&str, &[&str])]) {
    let x = Extractor::default();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = x.extract(text);
        for r in &found.relations {
            let trigger = text.get(r.trigger.start..r.trigger.end);
            assert!(trigger.is_some_and(|t| !t.trim().is_empty()), "trigger {:?} of {r:?}", r.trigger);
            // A denial's evidence is the denying clause, after the trigger it negates.
            let denial = r.rule == gazer::relation::Rule::Denial;
            assert!(denial || r.span.start <= r.trigger.start && r.trigger.end <= r.span.end, "{r:?}");
            for (_, a) in &r.args {
                assert!(text.get(a.span.start..a.span.end).is_some(), "argument span {a:?} in {text:?}");
            }
        }
        let got: BTreeSet<String> = found.relations.iter().map(describe).collect();
        let want: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        if got != want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn supply_active_passive_reverse() {
    #[rustfmt::skip]
    check(&[
        ("Belarus supplies Kalibr missiles to Venezuela.", &["supply asserted Belarus > Venezuela [Kalibr]"]),
        ("China is providing Pakistan with attack drones.", &["supply asserted China > Pakistan [attack drones]"]),
        ("Turkey sold Bayraktar TB2 drones to Ukraine in 2022.", &["supply asserted Turkey > Ukraine [Bayraktar TB2]"]),
        ("Iran sent Hezbollah thousands of rockets.", &["supply asserted Iran > Hezbollah [rockets]"]),
        ("The howitzers were delivered to Ukraine by Germany.", &["supply asserted Germany > Ukraine [howitzers]"]),
        ("Venezuela is being shipped rifles from Belarus.", &["supply asserted Belarus > Venezuela [rifles]"]),
        ("Syria purchased anti-aircraft missiles from Belarus last year.", &["supply asserted Belarus > Syria [anti-aircraft missiles]"]),
        ("Hezbollah obtains its drones from Iran, officials said.", &["supply asserted Iran > Hezbollah [drones]"]),
        ("Pakistan acquired Chinese fighter jets in 2021.", &["supply asserted China > Pakistan [fighter jets]"]),
        // "supplies" is also a weak materiel noun ("weapons supplies"); as the verb it must not
        // open the item phrase of its object and swallow the trigger.
        ("Iran supplies drones to Russia.", &["supply asserted Iran > Russia [drones]"]),
        ("Belarus supplies ballistic missiles to Venezuela.", &["supply asserted Belarus > Venezuela [ballistic missiles]"]),
        ("Iran sent weapons supplies to Russia.", &["supply asserted Iran > Russia [weapons supplies]"]),
    ]);
}

#[test]
fn supply_nouns_origins_and_coordination() {
    #[rustfmt::skip]
    check(&[
        // Turning to a state for arms is seeking them from it.
        ("Russia has turned to North Korea for artillery shells.", &[
            "supply hypothetical North Korea > Russia [artillery shells]",
        ]),
        ("Russia turned to Iran in the crisis.", &[]),
        // What is used came from the state after "from"; what is fired, from a launch site.
        ("Russia is using weapons from Pyongyang to kill civilians.", &["supply asserted North Korea > Russia [weapons]"]),
        ("Russia fired missiles from Belarus at Kyiv.", &["attack asserted Russia > Ukraine [missiles]"]),
        // A gerund that opens the sentence takes the main clause's subject.
        ("By gaining munitions from Iran, Russia could stay in the fight.", &[
            "supply hypothetical Iran > Russia [munitions]",
        ]),
        ("After receiving drones from Iran, Russia intensified its attacks.", &["supply asserted Iran > Russia [drones]"]),
        ("After selling rifles to Syria, Belarus signed a pact.", &["supply asserted Belarus > Syria [rifles]"]),
        ("After receiving drones from Iran, Russian officials said nothing.", &[]),
        // The item a relative clause is about.
        ("The drones, which Iran supplied to Russia, were used in the attack.", &[
            "supply asserted Iran > Russia [drones]",
        ]),
        ("The rifles that Belarus sold to Syria were old.", &["supply asserted Belarus > Syria [rifles]"]),
        ("Officials said that Belarus sold Syria nothing.", &[]),
        ("Belarus’s shipment of artillery shells to Syria alarmed Washington.", &["supply asserted Belarus > Syria [artillery shells]"]),
        ("The transfer of Kinzhal missiles from Russia to Belarus was confirmed.", &["supply asserted Russia > Belarus [Kinzhal]"]),
        ("Arms shipments from Iran to the Houthis continued through the winter.", &["supply asserted Iran > Houthis [Arms]"]),
        ("Russian forces fired North Korean shells at Kharkiv.", &[
            "supply asserted North Korea > Russia [shells]",
            "attack asserted Russia > Kharkiv [shells]",
        ]),
        ("Analysts tracked North Korean rockets fired by Russian troops.", &["supply asserted North Korea > Russia [rockets]"]),
        ("Lukashenko’s bid for Chinese drones stalled.", &["supply hypothetical China > Alexander Lukashenko [drones]"]),
        ("Iran and North Korea supply Russia with ballistic missiles.", &[
            "supply asserted Iran > Russia [ballistic missiles]",
            "supply asserted North Korea > Russia [ballistic missiles]",
        ]),
        ("Belarus supplied drones and missiles to Russia.", &["supply asserted Belarus > Russia [drones, missiles]"]),
        ("Syria offered oil in exchange for Iranian drones.", &["supply asserted Iran > Syria [drones]"]),
        ("Analysts traced Iran’s export and Venezuela’s procurement of Mohajer-6 drones.", &[
            "supply asserted Iran > Venezuela [Mohajer-6]",
        ]),
    ]);
}

#[test]
fn verbs_that_are_also_materiel_nouns() {
    // "arms", "shells" and "bombs" are materiel heads and verbs; between a name and its object
    // they are the verb, elsewhere the item.
    #[rustfmt::skip]
    check(&[
        ("Belarus arms the Houthis with rifles.", &["supply asserted Belarus > Houthis [rifles]"]),
        ("Iran arms Hezbollah.", &["supply asserted Iran > Hezbollah"]),
        ("Iran equips Hezbollah with drones.", &["supply asserted Iran > Hezbollah [drones]"]),
        ("Russia shells Kharkiv.", &["attack asserted Russia > Kharkiv"]),
        ("Russia bombs Odesa with Kalibr missiles.", &["attack asserted Russia > Odesa [Kalibr]"]),
        ("Belarus arms sales to Syria rose.", &["supply asserted Belarus > Syria [arms]"]),
        ("Belarus sent arms to Syria.", &["supply asserted Belarus > Syria [arms]"]),
        ("Russian shells fell on Kharkiv.", &[]),
    ]);
}

#[test]
fn named_objects_and_new_clauses() {
    #[rustfmt::skip]
    check(&[
        // Groups are named with "the": the bare object before "with" may take it.
        ("China provided the Houthis with drones.", &["supply asserted China > Houthis [drones]"]),
        // A name with its own verb after ", and" begins a clause; it is no second recipient.
        ("Belarus supplied rifles to Syria, and Iran supplies drones.", &["supply asserted Belarus > Syria [rifles]"]),
        ("Belarus supplied rifles to Syria, Venezuela and Cuba.", &[
            "supply asserted Belarus > Cuba [rifles]",
            "supply asserted Belarus > Syria [rifles]",
            "supply asserted Belarus > Venezuela [rifles]",
        ]),
    ]);
}

#[test]
fn supply_across_sentences() {
    #[rustfmt::skip]
    check(&[
        // "after Germany announced": Germany is the subject of the clause "after" opens, so
        // "it" stands for Germany, not for the Russia of the sentence before.
        ("Russia struck Odesa overnight. The barrage came days after Germany announced it would \
          provide Ukraine with IRIS-T systems.", &[
            "attack asserted Russia > Odesa",
            "supply hypothetical Germany > Ukraine [IRIS-T]",
        ]),
        ("Lukashenko met Xi Jinping. The Belarusian leader later bought drones from China.", &[
            "meet asserted Alexander Lukashenko + Xi Jinping",
            "supply asserted China > Belarus [drones]",
        ]),
        ("The Kremlin faces shortages. It bought artillery shells from North Korea.", &[
            "supply asserted North Korea > Russia [artillery shells]",
        ]),
        ("Russia struck Odesa with drones it purchased from Tehran.", &[
            "supply asserted Iran > Russia [drones]",
            "attack asserted Russia > Odesa [drones]",
        ]),
        ("Belarus sold rifles to Syria. This arms transfer included sniper rifles.", &[
            "supply asserted Belarus > Syria [rifles]",
            "supply asserted Belarus > Syria [arms, sniper rifles]",
        ]),
    ]);
}

#[test]
fn modality() {
    #[rustfmt::skip]
    check(&[
        ("Belarus could soon supply Russia with tanks.", &["supply hypothetical Belarus > Russia [tanks]"]),
        ("Pakistan denied selling rifles to Iran.", &["supply negated Pakistan > Iran [rifles]"]),
        ("Hezbollah has never received missiles from Syria.", &["supply negated Syria > Hezbollah [missiles]"]),
        ("Iran reportedly delivered drones to Russia, according to officials.", &["supply asserted Iran > Russia [drones]"]),
        ("Belarus is expected to transfer artillery to Russia.", &["supply hypothetical Belarus > Russia [artillery]"]),
        ("Kim Jong Un vowed to send more shells to Russia.", &["supply hypothetical Kim Jong Un > Russia [shells]"]),
        ("Zelensky urged Germany to deliver Taurus missiles to Ukraine.", &[
            "supply hypothetical Germany > Ukraine [Taurus KEPD 350]",
        ]),
        ("Belarus agreed to supply Russia with artillery.", &["supply hypothetical Belarus > Russia [artillery]"]),
        ("Belarus failed to deliver artillery to Russia.", &["supply negated Belarus > Russia [artillery]"]),
        // A pledge or promise is a plan until the delivery is reported; a donation is one.
        ("Germany pledged Leopard tanks to Ukraine.", &["supply hypothetical Germany > Ukraine [Leopard]"]),
        ("Belarus promised Syria more rifles.", &["supply hypothetical Belarus > Syria [rifles]"]),
        ("Japan donated air defence systems to Ukraine.", &["supply asserted Japan > Ukraine [air defence systems]"]),
        // A plan or expectation denied is a denial.
        ("Belarus is not expected to transfer artillery to Russia.", &["supply negated Belarus > Russia [artillery]"]),
        ("The Kremlin said Putin had no plans to meet Erdogan.", &["meet negated Recep Tayyip Erdoğan + Vladimir Putin"]),
        ("If Syria buys rifles from Belarus, sanctions will follow.", &["supply hypothetical Belarus > Syria [rifles]"]),
        ("Iran shipped drones to the Houthis, a claim Tehran denied.", &[
            "supply asserted Iran > Houthis [drones]",
            "supply negated Iran > Houthis [drones]",
        ]),
        ("China has refused to provide weapons to Russia.", &["supply negated China > Russia [weapons]"]),
        // "aid" is materiel only as military or lethal aid.
        ("Seoul has so far refused to send lethal aid to Kyiv.", &["supply negated South Korea > Ukraine [lethal aid]"]),
        ("Japan sent humanitarian aid to Ukraine.", &[]),
        // "n't" in capitals, with either apostrophe, is the same cue.
        ("Belarus didn't sell rifles to Syria.", &["supply negated Belarus > Syria [rifles]"]),
        ("BELARUS DIDN'T SELL RIFLES TO SYRIA.", &["supply negated Belarus > Syria [RIFLES]"]),
        ("Belarus DIDN’T sell rifles to Syria.", &["supply negated Belarus > Syria [rifles]"]),
        ("Venezuela continued to buy drones from Iran.", &["supply asserted Iran > Venezuela [drones]"]),
        ("As Belarus prepares to arm Syria with drones, Israel is worried.", &["supply hypothetical Belarus > Syria [drones]"]),
        ("The Kremlin denied that it sold rifles to Hezbollah.", &["supply negated Russia > Hezbollah [rifles]"]),
        ("Belarus rejects reports that it received drones from Iran.", &["supply negated Iran > Belarus [drones]"]),
        ("Tehran dismissed reports that it had sent missiles to Syria.", &["supply negated Iran > Syria [missiles]"]),
        ("Syria bought drones last year, officials said, to obtain rockets from Iran.", &[
            "supply hypothetical Iran > Syria [rockets]",
        ]),
        ("Washington has warned Beijing against supplying arms to Moscow.", &[
            "supply hypothetical China > Russia [arms]",
        ]),
        // "used X to strike": the infinitive says what the use did, not what is planned.
        ("Ukraine used ATACMS missiles to strike an airfield in Crimea.", &[
            "attack asserted Ukraine > Crimea [ATACMS]",
        ]),
        ("Ukraine has used U.S.-supplied ATACMS to strike inside Russia.", &[
            "attack asserted Ukraine > Russia [ATACMS]",
            "supply asserted United States > Ukraine [ATACMS]",
        ]),
        // The use of Iranian drones also says that Iran supplied them (the "use" frame).
        ("Russia has been using Iranian drones to attack Odesa.", &[
            "attack asserted Russia > Odesa [drones]",
            "supply asserted Iran > Russia [drones]",
        ]),
        ("Russia plans to use Iranian drones to attack Odesa.", &[
            "attack hypothetical Russia > Odesa [drones]",
            "supply hypothetical Iran > Russia [drones]",
        ]),
    ]);
}

#[test]
fn deploy_meet_agreement() {
    #[rustfmt::skip]
    check(&[
        // Titles belong to the name phrase: the names are coordinated across them.
        ("German Chancellor Olaf Scholz and French President Emmanuel Macron met in Berlin.", &[
            "meet asserted Emmanuel Macron + Olaf Scholz",
            "holds_office asserted Olaf Scholz > Germany",
            "holds_office asserted Emmanuel Macron > France",
        ]),
        // An armed group sends its own fighters.
        ("Wagner fighters were redeployed to Belarus.", &["deploy asserted Wagner Group > Belarus"]),
        // An unnamed place that a name then locates.
        ("North Korea deployed troops to the front line in Kursk.", &["deploy asserted North Korea > Kursk"]),
        ("Iran sent advisers to the border with Syria.", &["deploy asserted Iran > Syria"]),
        ("Iran sent advisers to help the army of Syria.", &[]),
        // The name after a place's preposition is where, not who, also before an infinitive.
        ("Kim Jong Un arrived in Vladivostok to meet Putin.", &["meet hypothetical Kim Jong Un + Vladimir Putin"]),
        ("Kim Jong Un traveled to Russia to meet Putin.", &["meet hypothetical Kim Jong Un + Vladimir Putin"]),
        // A host meets a guest; weapons or a summit hosted are no meeting with the host.
        ("Kim Jong Un hosted Putin in Pyongyang.", &["meet asserted Kim Jong Un + Vladimir Putin"]),
        ("Belarus has hosted Russian nuclear weapons since 2023.", &[]),
        ("Belarus will host Russian tactical nuclear weapons.", &[]),
        // A person may send troops (the gold lists the state with the person as an alternative);
        // the destination's preposition must follow closely.
        ("Kim Jong Un pledged to send more troops to Belarus.", &["deploy hypothetical Kim Jong Un > Belarus"]),
        ("Lukashenko relied on Putin to send troops to support his campaign in Syria.", &[]),
        ("North Korea has sent 3,000 soldiers to Russia.", &["deploy asserted North Korea > Russia"]),
        ("Belarusian troops are stationed in Syria.", &["deploy asserted Belarus > Syria"]),
        ("Russia plans to deploy forces to Belarus.", &["deploy hypothetical Russia > Belarus"]),
        ("Xi Jinping met Alexander Lukashenko on Tuesday.", &["meet asserted Alexander Lukashenko + Xi Jinping"]),
        ("Sergei Lavrov will hold talks with Abbas Araghchi.", &["meet hypothetical Abbas Araghchi + Sergei Lavrov"]),
        ("Lukashenko visited Moscow last week.", &["meet asserted Alexander Lukashenko + Russia"]),
        // A state or body before a title names the person's office, not a party of its own.
        ("Benjamin Netanyahu met U.S. President Joe Biden at the White House.", &[
            "meet asserted Benjamin Netanyahu + Joe Biden",
            "holds_office asserted Joe Biden > United States",
        ]),
        ("NATO Secretary General Mark Rutte met Zelensky in Kyiv.", &[
            "holds_office asserted Mark Rutte > NATO",
            "meet asserted Mark Rutte + Volodymyr Zelenskyy",
        ]),
        ("The summit between Xi Jinping and Vladimir Putin is planned for May.", &["meet hypothetical Vladimir Putin + Xi Jinping"]),
        ("Belarus and Russia signed a defense pact.", &["agreement asserted Belarus + Russia"]),
        ("Iran’s partnership with Venezuela has deepened.", &["agreement asserted Iran + Venezuela"]),
        ("The treaty between Pakistan and China may be renewed.", &["agreement hypothetical China + Pakistan"]),
    ]);
}

#[test]
fn attack_and_office() {
    #[rustfmt::skip]
    check(&[
        ("Russia struck Odesa with Kalibr missiles.", &["attack asserted Russia > Odesa [Kalibr]"]),
        // "targets" after the object of "struck" is a noun, not a verb whose subject is the name.
        ("Israel struck Hezbollah targets in Lebanon.", &["attack asserted Israel > Hezbollah"]),
        ("Ukraine hit Wagner Group targets in Syria.", &["attack asserted Ukraine > Wagner Group"]),
        ("Belarus struck targets inside Ukraine.", &["attack asserted Belarus > Ukraine"]),
        ("Hamas fired rockets into Israel.", &["attack asserted Hamas > Israel [rockets]"]),
        // The subject of a verb that stages the attack noun.
        ("Israel carried out airstrikes on Beirut.", &["attack asserted Israel > Lebanon"]),
        ("Russia conducted a series of strikes against Odesa.", &["attack asserted Russia > Odesa"]),
        ("Russia carried out exercises near Odesa.", &[]),
        ("Russia warned of strikes on Odesa.", &[]),
        // Coordinated subjects each attack.
        ("The U.S. and Britain struck Houthi targets in Yemen.", &[
            "attack asserted United States > Houthis",
            "attack asserted United Kingdom > Houthis",
        ]),
        ("Russia pounded Kharkiv with glide bombs.", &["attack asserted Russia > Kharkiv [glide bombs]"]),
        ("Russia unleashed a wave of drones on Odesa.", &["attack asserted Russia > Odesa [drones]"]),
        // Passives: the agent after "by", the struck place before the verb.
        ("Shahed drones were launched by Russia at Odesa.", &["attack asserted Russia > Odesa [Shahed]"]),
        ("Kharkiv was struck by Russian missiles.", &["attack asserted Russia > Kharkiv [missiles]"]),
        ("The city of Sumy was attacked by Belarus on Monday.", &["attack asserted Belarus > Sumy"]),
        ("Odesa was hit by a Kalibr missile.", &[]),
        // A demonym on the weapon or platform that is the subject names the attacker, unless
        // the document has that state supplying arms, which makes it the maker.
        // After a verb of saying, a name on troops is the subject of the clause it opens.
        ("Britain said Ukrainian forces had used Storm Shadow missiles to hit a command post in Kursk.", &[
            "attack asserted Ukraine > Kursk [Storm Shadow]",
        ]),
        // "The strikes" as the subject of a strike verb refer back for the attacker, and the
        // verb names the new target.
        ("Russia struck Odesa on Monday. The strikes also hit Kharkiv.", &[
            "attack asserted Russia > Odesa",
            "attack asserted Russia > Kharkiv",
        ]),
        ("Belarus struck Odesa. The strikes killed four people.", &["attack asserted Belarus > Odesa"]),
        ("Belarus struck Odesa. The missiles hit Kherson too.", &[
            "attack asserted Belarus > Odesa",
            "attack asserted Belarus > Kherson [missiles]",
        ]),
        // "the missile strike" stays a noun, which refers back.
        ("Belarus struck Odesa. Russia praised the missile strike.", &[
            "attack asserted Belarus > Odesa",
            "attack asserted Belarus > Odesa [missile]",
        ]),
        ("Russian missiles hit Kyiv on Monday.", &["attack asserted Russia > Ukraine [missiles]"]),
        ("Israeli jets have struck Gaza.", &["attack asserted Israel > Gaza [jets]"]),
        ("Ukrainian drones reportedly attacked Moscow.", &["attack asserted Ukraine > Russia [drones]"]),
        ("Iranian-made drones hit Odesa.", &[]),
        ("Iran supplied drones to Russia. Iranian drones hit Odesa.", &[
            "supply asserted Iran > Russia [drones]",
        ]),
        ("Russian strikes on Kharkiv killed four people.", &["attack asserted Russia > Kharkiv"]),
        ("Ukraine launched Storm Shadow missiles at Sevastopol.", &["attack asserted Ukraine > Sevastopol [Storm Shadow]"]),
        ("The attack on Lviv was carried out by Russia.", &["attack asserted Russia > Lviv"]),
        ("Moscow used Lancet drones against the city of Kharkiv.", &["attack asserted Russia > Kharkiv [Lancet]"]),
        ("Kim Jong Un reached Beijing by train. During the trip, he will meet Xi Jinping.", &[
            "meet hypothetical Kim Jong Un + Xi Jinping",
        ]),
        ("Their first official talks with Belarus went well.", &[]),
        ("Belarusian President Alexander Lukashenko spoke.", &["holds_office asserted Alexander Lukashenko > Belarus"]),
        ("Sergei Lavrov, Russia’s foreign minister, arrived.", &["holds_office asserted Sergei Lavrov > Russia"]),
        ("Foreign Minister Sergei Lavrov spoke.", &["holds_office asserted Sergei Lavrov > Russia"]),
        ("Ukraine’s commander-in-chief Oleksandr Syrskyi spoke.", &["holds_office asserted Oleksandr Syrskyi > Ukraine"]),
        // A title set off by commas before the name.
        ("Ukraine’s defence minister, Rustem Umerov, said deliveries had begun.", &[
            "holds_office asserted Rustem Umerov > Ukraine",
        ]),
        ("In Kyiv, Rustem Umerov said deliveries had begun.", &[]),
        ("Ukraine’s defence minister met the president, Rustem Umerov said.", &[]),
        ("NATO Secretary General Jens Stoltenberg warned Moscow.", &["holds_office asserted Jens Stoltenberg > NATO"]),
    ]);
}

#[test]
fn titles_keep_the_modifiers_before_their_head() {
    let x = Extractor::default();
    for (text, title) in [
        ("Defence Secretary John Healey spoke.", "Defence Secretary"),
        ("Russian Deputy Foreign Minister Sergei Ryabkov spoke.", "Deputy Foreign Minister"),
        (
            "U.S. Secretary of State Antony Blinken and Secretary of Defense Lloyd Austin spoke.",
            "Secretary of Defense",
        ),
    ] {
        let found = x.extract(text);
        let office = found.relations.iter().rev().find(|r| r.kind == RelationKind::HoldsOffice);
        let written =
            office.and_then(|r| r.args(Role::Title).next()).map(|a| &text[a.span.start..a.span.end]);
        assert_eq!(written, Some(title), "{text}");
    }
}

#[test]
fn sentences_that_state_no_relation() {
    #[rustfmt::skip]
    check(&[
        ("Russia and Iran discussed the weather.", &[]),
        ("The drones flew over Kyiv.", &[]),
        ("Iran sent a delegation to Moscow.", &[]),
        ("The U.S. targeted Iranian oil exports with new sanctions.", &[]),
        ("Washington hit Chinese firms with tariffs on Monday.", &[]),
        ("Belarus supplies food to Syria.", &[]),
        ("Turkey’s exports to Russia rose in March.", &[]),
        ("Putin attended a summit in Minsk.", &[]),
        ("The Pentagon said the missiles can strike targets 300 km away.", &[]),
        ("Analysts in Kyiv studied the Oreshnik launch.", &[]),
        ("Officials in Tehran and Moscow met reporters.", &[]),
        ("The army bought new uniforms from Belarus.", &[]),
        ("Syria wants more allies to better deal with Israel.", &[]),
        // The maker of the weapons is not who fired them.
        ("Iranian-made drones struck Odesa.", &[]),
    ]);
}

#[test]
fn document_date_adds_gazetteer_offices() {
    let text = "Lavrov arrived in Ankara. Sergei Lavrov spoke to reporters.";
    let x = Extractor::default();
    let plain = x.extract(text);
    assert!(plain.relations.is_empty(), "no title, no date: {:?}", plain.relations);
    let x_2024 = x.on_date("2024-05-01".parse().unwrap());
    let dated = x_2024.extract(text);
    let got: Vec<String> = dated.relations.iter().map(describe).collect();
    assert_eq!(got, ["holds_office asserted Sergei Lavrov > Russia"]);
    assert_eq!(dated.relations[0].rule, gazer::relation::Rule::OfficeOnDate);
    let x_1999 = x.on_date("1999-01-01".parse().unwrap());
    let before = x_1999.extract(text);
    assert!(before.relations.is_empty(), "not in office in 1999");
}

#[test]
fn a_supplier_is_known_to_its_own_document_only() {
    // The engine keeps its lists on the thread between documents; the suppliers of one
    // document must not make a demonym a maker in the next.
    let x = Extractor::default();
    let first = x.extract("Iran supplied drones to Russia. Iranian drones hit Odesa.");
    assert!(!first.relations.iter().any(|r| r.kind == RelationKind::Attack), "{:?}", first.relations);
    let second = x.extract("Iranian drones hit Odesa.");
    let attacks: Vec<String> = second.relations.iter().map(describe).collect();
    assert_eq!(attacks, ["attack asserted Iran > Odesa [drones]"]);
}
