/// The message catalogue: every sentence a user reads, in English and Chinese, by key. See ``Language`` for how
/// messages are worded; ``Message`` is a key with its arguments.
///
/// Each entry is the English template and the Chinese template; `{1}`, `{2}`… are the message's arguments in order
/// (ids, keys, numbers and pointers as written, or other messages rendered in the same language). The English
/// templates are the exact wording the library used before the catalogue: fixtures and golden files compare them
/// byte for byte. Chinese uses full-width punctuation around its own words and quotes names as “…”; ids, keys, JSON
/// pointers and line:column are kept as written.
///
/// `MessageCatalogTests` checks that every key has a Chinese template that is really Chinese, with the same
/// arguments as the English one, and lists the code that still words messages in English only.
package enum MessageKey: String, CaseIterable, Sendable {
  // MARK: Building blocks
  case untranslated
  case verbatim
  case severityError
  case severityWarning
  case severityNote
  case problemLine
  case problemLineAt
  case didYouMean
  case kindNull
  case kindBool
  case kindNumber
  case kindText
  case kindList
  case kindObject
  case listOf
  // MARK: Pack reader
  case expectedObject
  case unknownKeyDidYouMean
  case unknownKeyAllowed
  case expectedList
  case expectedText
  case expectedBool
  case expectedNumber
  case notANumber
  case tooManyDecimalPlaces
  case numberTooLarge
  case tooManyDigits
  case wholeNumberFromTo
  case objectNeedsKey
  case expectedFormula
  // MARK: PackCompiler
  case packDeclaresTooManyNames
  case idAlreadyUsed
  case idEmptyOrBracket
  case idIsHostFunction
  case divisionByAlwaysZero
  case formulaProblemIn
  // MARK: Command line
  case languageUnknown
  case usageErrorLine
  case unknownCommand
  case versionLine
  case unknownOption
  case optionTakesNoValue
  case optionNeedsValue
  case optionGivenTwice
  case optionRequired
  case giveAPackFile
  case giveAPackFileOrFolder
  case validateFolder
  case validateFailed
  case validateFailedPlural
  case validatePassed
  case withoutBound
  case callsHostFunctions
  case exampleValuesNote
  case exampleValueLine
  case minCoverageValue
  case pathDoesNotExist
  case noPackFilesFound
  case packDidNotLoadTestsNotRun
  case packTestsHeading
  case testTraceHeading
  case packsDidNotLoad
  case packsDidNotLoadPlural
  case testsPassedFailed
  case coverageOfFile
  case coverageOfPacks
  case coverageBelowMinimum
  case hostFunctionsNotProvided
  case metaIsAlsoFile
  case columnsValue
  case evaluateProblem
  case rejectedRecord
  case cannotWrite
  case resultsWithoutRecord
  case inFile
  case countsLine
  case countsLineWithNotes
  case cannotRemoveEarlierRecord
  case explainNoSubject
  case idsThereInclude
  case coverageGapLine
  case theReportFile
  case keepNamesWithoutRedact
  case explanationsWithRedact
  case explanationsValue
  case reportProblem
  case reportCannotWriteStandardOutput
  case publicNoticeNamesKept
  case publicNoticeNamesMasked
  case explanationsCount
  case nounReport
  case reportCountsLine
  case renderProblem
  case renderGiveAPack
  case renderOnePack
  case renderFormatValue
  case diffUnexpectedArgument
  case diffGiveTwoPacks
  case diffInputFile
  case diffFormatValue
  case diffSubjectNeedsID
  case diffOutputIsPack
  case diffCannotReadStandardInput
  case diffProblem
  case diffOld
  case diffNew
  case diffSideFile
  case diffRejected
  case diffNoSubject
  case diffCannotWriteStandardOutput
  case diffCounts
  case diffReadingProblem
  // MARK: PBK+Evaluate
  case packHasProblems
  case inputFormatValue
  case inputFormatOnlyStandardInput
  case threadsValue
  case idsValue
  case maxRecordBytesValue
  case encodingValue
  case headerRowValue
  case unexpectedArgument
  case theRulePackFile
  case theSubjectsFileAnyFormat
  case formatValue
  case xlsxNeedsOutput
  case metaAndNoMeta
  case metaNeedsFile
  case errorsIsMetaFile
  case packCannotBeRead
  case quotaLine
  case cannotWriteStandardOutput
  case idsNotChecked
  case theOutput
  case resultsPlusRejected
  case theResults
  case removedEarlierRecord
  case theSubjectsFile
  case theSubjectToExplain
  // MARK: Results and records
  case countsSummary
  case readAsEncoding
  case placeSheetRowCell
  case placeSheetRow
  case placeLineColumn
  case placeLine
  case placeSubject
  case readAsSheet
  case fileProblem
  case placedProblem
  case placeSheetCell
  case columnProblem
  // MARK: PackCompiler+Header
  case packIsNotAnObject
  case formatVersionTooNew
  case formatVersionMissing
  case whatRulePack
  case unknownRounding
  case hintFullMarks
  case hintInputs
  case hintComponents
  case hintPackID
  case packIDCharacters
  case hintPackVersion
  case hintTitle
  case whatSourceDocument
  case hintSourceDocumentTitle
  case hintSource
  case whatEffectiveDates
  case hintFromDate
  case notADate
  case packEndsBeforeItStarts
  case whatSubjectKind
  case whatInput
  case hintInputID
  case unknownInputType
  case hintInputType
  case integerBoundNotWhole
  case minAboveMax
  case noMinMaxForType
  case giveAChoice
  case choicesRepeat
  case hintChoices
  case choicesOnlyForChoice
  case notApplicableHasNo
  case unknownWhenMissing
  case requiredAndDefault
  case theDefault
  case defaultKind
  case hintRequired
  case optionalNeedsDefault
  case placesOnlyForNumber
  case integerHasNoPlaces
  case boundHasMorePlaces
  case whatComputedValue
  case hintValueID
  case hintValueFormula
  case valuesCircular
  case whatValueNamed
  case whatChoice
  // MARK: InputCoercion
  case inputRequiredNotGiven
  case notAnInputOfPack
  case valueNotANumber
  case valueYesNoNotNumber
  case valueNotWhole
  case valueBelowMinimum
  case valueAboveMaximum
  case valueTextNotYesNo
  case valueNotYesNo
  case valueYesNoNotChoice
  case valueNotAChoice
  case inputProblem
  case idAppearsAgain
  case idAppearsAgainAtLine
  case valueHasMorePlace
  case valueHasMorePlaces
  // MARK: LaneInput
  case cannotReadFile
  case inputIsFolder
  case cannotMakeUTF8Copy
  case cannotRead
  case cannotMakeCopyToReadTwice
  case noSuchFile
  case permissionDenied
  case itIsAFolder
  // MARK: BatchLane
  case zipNotCSVNameXLSX
  case headerRowEmpty
  case headerRowTooLong
  case fileIsUTF16
  case zipNotCSV
  case fileIsEmpty
  case headerRowMalformed
  case expectedListOfSubjects
  case inputChangedWhileRead
  // MARK: ColumnBinding
  case columnRepeats
  case columnNotAnInput
  case theInputNamed
  case theSubjectField
  case columnsBothGive
  case noIDColumn
  // MARK: CSVTokenizer
  case quoteInsideCell
  case textAfterClosingQuote
  case quoteNeverClosed
  case recordTooLong
  // MARK: InputEncoding
  case oldXLS
  case neitherUTF8NorGB18030
  case lineNotGB18030
  case cellNotUTF16
  // MARK: TextBytes
  case cellNotUTF8
  // MARK: RecordScorer
  case rowFieldCount
  case rowHasNoID
  case rowBeyondHeader
  case cellHoldsDate
  case cellHoldsExcelError
  case expectedSubjectObject
  case attributesNotTexts
  case eventsNotArray
  case inputsNotObject
  case recordHasNoID
  case inputGivenTwice
  case inputNotExact
  case inputWrongKind
  case insideInputs
  case besideID
  // MARK: LedgerEvent
  case eventNotObject
  case eventCountNotWhole
  case eventUnknownKey
  case eventNoDate
  case eventNoKind
  // MARK: ScoringStages
  case attendedMoreThanDue
  case ballotItemProblem
  case countMoreThanAttended
  case nobodyAttended
  case tooFewToTrim
  case moreCountedThanReturned
  case periodMissingError
  case periodNothingToCarry
  case periodNumberTooLarge
  case periodAverageFailed
  case ledgerNoEvents
  case ledgerRuleUndecided
  case eventPlace
  case eventDateInvalid
  case eventAfterLedgerCloses
  case noCountedBallot
  case everyCountIsZero
  case noPeriodGiven
  case labelledProblem
  case noLedgerRuleForKind
  case noLedgerRuleApplies
  case eventLevelUnknown
  case eventSeverityUnknown
  // MARK: ScoringFailure
  case placeValue
  case placeRule
  case placeSection
  case placeComponent
  case placeTotal
  case placeVeto
  case placeBand
  case placeStarItem
  case placeStarLevel
  case placeConsequence
  case placeCohortKey
  case placeCohortLabel
  case placeCohortExclude
  case placeOutcome
  case placeCheck
  case scoreOutsideRange
  case scoreOutsideSectionRange
  case noComponentApplies
  case weightedFullUnrepresentable
  case checkFailed
  case dataContradict
  case startOutsideRange
  case startOutsideSectionRange
  case belowLowestBand
  case failureAt
  // MARK: PackCompiler+Components
  case giveAComponent
  case hintComponentID
  case weightNotAShare
  case hintWeight
  case componentFullMarksNegative
  case componentScoreAndSections
  case whatComponentScore
  case hintComponentFullMarks
  case giveASection
  case sectionsFullMarksDisagree
  case hintComponentScore
  case componentTooLarge
  case weightsNotOne
  case weightedFullMarksDisagree
  case fullMarksUnreachable
  case hintSectionID
  case bonusSectionHasCap
  case capNotNumberOrNone
  case hintCap
  case hintSectionFullMarks
  case capOnlyForBonus
  case capNegative
  case sectionFullMarksNegative
  case sectionScoreAndRules
  case whatSectionScore
  case bonusStartsFrom
  case startsAtAndStartsFrom
  case whatSectionStart
  case startAboveFull
  case startBelowFloor
  case startUnbounded
  case startsAtValue
  case bonusStartsAt
  case hintStartsAt
  case sectionHighestUnknown
  case sectionNeverFull
  case sectionReachesAtMost
  case hintRules
  case capNoneOnlyForRules
  case scoreUnbounded
  case scoreAboveFull
  case scoreBelowFull
  case scoreBelowFloor
  case giveMinAndMax
  case divisorNearZero
  case boundItClamp
  case hintRuleLabel
  case hintZeroWhen
  case zeroRuleHasNo
  case hintPoints
  case ruleHasNoCount
  case hintPointsEach
  case hintCount
  case ruleMaxNotPositive
  case pointsCanBeNegative
  case floorAboveCap
  case floorAboveFullMarks
  case nameHasNoBound
  case namesHaveNoBound
  case oneOf
  case unknownRuleKind
  case whatComponent
  case whatSection
  case whatRule
  // MARK: PackCompiler+Outcomes
  case hintVetoID
  case vetoIDTwice
  case hintVetoWhen
  case hintVetoEffect
  case hintVetoGrade
  case hintVetoStars
  case unknownVetoEffect
  case gradeOnlyForGradeEffects
  case starsOnlyForSetStars
  case unknownVetoScore
  case scoreOnlyForGradeEffects
  case noGradesForVeto
  case noSuchGrade
  case whatGrades
  case hintGrades
  case giveABand
  case whatGradeBand
  case hintGradeName
  case hintBandMin
  case gradeListedTwice
  case topBandBelow
  case topBandMaxUnbounded
  case topBandMaxTooLow
  case maxOnlyForTopBand
  case hintBandBelow
  case bandGap
  case bandOverlap
  case minNotBelowBelow
  case lowestBandWhen
  case bandsDoNotReachZero
  case totalsBelowLowestBand
  case whatStars
  case whatStarItem
  case hintStarItemID
  case starItemListedTwice
  case hintStarScope
  case hintStarEarnedWhen
  case hintStarItems
  case whatStarLevel
  case hintStarLevel
  case starLevelUnreachable
  case starLevelListedTwice
  case hintMinItems
  case hintStarLevels
  case capIfMissingNotALevel
  case setStarsWithoutStars
  case noSuchStarLevel
  case hintConsequenceID
  case hintConsequenceLabel
  case whatVetoID
  case noSuchVeto
  case noResultCanBeVoid
  case consequenceNeverFollows
  case whatOutcome
  case hintOutcomeID
  case hintOutcomeFormula
  case hintCheckLabel
  case checkIDTwice
  case hintCheckWhen
  case checkNeverRejects
  case checkRejectsAll
  case whatVeto
  case whatConsequence
  case whatGrade
  case whatCheck
  // MARK: PackCompiler+Ballots
  case whatBallots
  case whatBallotScale
  case hintScaleID
  case scaleDeclaredTwice
  case hintScaleChoices
  case choiceEmptyOrColon
  case whatAbstainChoice
  case notAChoice
  case whatPointsPerChoice
  case abstainHasPoints
  case hintChoicePoints
  case pointsNegative
  case whatValidity
  case noSuchInputForCount
  case countInputNotInteger
  case validityInputNotApplicable
  case dueAndAttended
  case issuedAndReturned
  case whatQuorum
  case quorumMoreThanOrAtLeast
  case quorumNeedsDueAttended
  case whatBallotItem
  case hintBallotItemID
  case ballotItemListedTwice
  case hintBallotScore
  case hintCountInput
  case notAnIntegerInput
  case perVoterNeedsAttended
  case perVoterHasNo
  case unknownBallotScore
  case countOnlyForPerVoter
  case hintItemScale
  case noSuchScale
  case choiceOnlyForShare
  case averageNeedsPoints
  case hintShareChoice
  case notACountedChoice
  case trimOnlyForAverage
  case whatRaterGroup
  case hintRaterID
  case raterIDColon
  case raterGroupListedTwice
  case hintRaterWeight
  case giveARaterGroup
  case raterWeightsNotOne
  case hintBallotItems
  // MARK: PackCompiler+Cohort
  case plainShareMeantCount
  case plainShareWritePercentage
  case zeroHintFillTo
  case shareHintWrite
  case shareHintPerGroup
  case groupUnderKey
  case byGroupCountNotGrouped
  case byGroupShareNotGrouped
  case byGroupCountsNotObject
  case byGroupSharesNotObject
  case byGroupNoGroupCount
  case byGroupNoGroupShare
  case noSuchCohortGroup
  case whatCohort
  case whatCohortRankBy
  case hintRankBy
  case unknownOrder
  case whatCohortLabel
  case hintCohortLabelID
  case cohortLabelListedTwice
  case expectedShare
  case headCountNotShare
  case headCountNotSharePerGroup
  case fillToNotCount
  case denominatorTooLarge
  case notAShare
  case plainSharePerGroup
  case plainShareFillTo
  case shareFromZero
  case shareAboveZero
  case headCountNotAShare
  case headCountZero
  case cohortLabelAmount
  case fillToNotAbove
  case roundingForCountLabel
  case quotaCounts
  case quotaLowestGrade
  case hintQuotaGrades
  case quotaLowestGradeCounted
  case quotaGradesNotAdjacent
  case noSuchStarLevelForQuota
  case quotaNoStars
  case quotaStarsAtMostCap
  case quotaAmount
  case roundingForCountQuota
  case onLabelsWithoutCohort
  case hintOnLabels
  case whatCohortLabelID
  case noSuchCohortLabel
  case hintCountRounding
  case unknownCountRounding
  case unknownTies
  case noneWord
  case whatTieBreaker
  case whatQuota
  case whatTieBreakerNumber
  // MARK: PackCompiler+Missing
  case theStarLevel
  case usesSkippedPeriod
  case usesLeftOutInput
  case semicolonJoined
  // MARK: Excel and rater forms (lang2)
  // Excel reader
  case excelSaveAsAdvice
  case excelDamagedAdvice
  case excelNotAWorkbook
  case excelLegacyXLS
  case excelEncrypted
  case excelEncryptedEntry
  case excelOpenDocument
  case excelBinaryWorkbook
  case excelZip64
  case excelDamagedArchive
  case excelUnsupportedCompression
  case excelMethodName
  case excelAESEncryption
  case excelChecksumMismatch
  case excelSizeMismatch
  case excelArchiveTooLarge
  case excelImplausibleRatio
  case excelDamagedCompressedData
  case excelMissingPart
  case excelMalformedXML
  case excelNoSheets
  case excelSheetNotFound
  case excelNoSheetNames
  case excelSheetName
  case excelSheetNameList
  case excelSheetWithoutPart
  case excelNotAWorksheet
  case excelInvalidReference
  case excelRowOutOfOrder
  case excelCellOutOfOrder
  case excelAfterCell
  case excelFormulaWithoutValue
  case excelInvalidNumber
  case excelInvalidBoolean
  case excelSharedStringOutOfRange
  case excelSheetTooSparse
  case excelUnknownCellType
  case excelInvalidSheetName
  case excelInvalidNumberText
  case excelTooManyDigits
  case excelUnsupportedPlaces
  case excelTextTooLong
  case excelSheetTooLarge
  case excelInvalidPropertyName
  case excelOutputTooLarge
  case excelZipNoEndRecord
  case excelZipSplitArchive
  case excelZipDirectoryOutOfRange
  case excelZipBadCentralEntry
  case excelZipBadLocalHeader
  case excelZipDataOutOfRange
  case excelInflateTruncated
  case excelInflateReservedBlockType
  case excelInflateStoredLengthMismatch
  case excelInflateTooManyCodes
  case excelInflateOversubscribed
  case excelInflateIncomplete
  case excelInflateRepeatWithoutPrevious
  case excelInflateRepeatTooLong
  case excelInflateMissingEndOfBlock
  case excelInflateInvalidSymbol
  case excelInflateDistanceTooFarBack
  case excelInflateOutputTooLarge
  case excelCodeLengths
  case excelCodeLiteralsAndLengths
  case excelCodeDistances
  case excelXMLUnexpectedEnd
  case excelXMLMalformedTag
  case excelXMLMalformedAttribute
  case excelXMLUnknownEntity
  case excelXMLInvalidCharacterReference
  case excelXMLDocumentType
  case excelXMLNotUTF8
  case excelXMLSheetWithoutName
  // Rater forms (PackCompiler+Raters)
  case whatRaterForms
  case hintFormGroupID
  case formGroupListedTwice
  case giveAFormGroup
  case formGroupWeightsAllOrNone
  case formGroupWeightsNotOne
  case whatFormField
  case hintFormFieldID
  case fieldNamesOwnColumn
  case fieldIDStartsWithHash
  case formFieldListedTwice
  case scaleFieldHasNo
  case formFieldType
  case hintFieldMin
  case hintFieldMax
  case formFieldMaxBelowMin
  case integerFieldHasNoPlaces
  case hintFormFields
  case giveAFormField
  case fromIsForms
  case itemFromFormsWithoutForms
  case formItemHasNo
  case formItemFieldSaysHow
  case formItemMarksFromForms
  case noSuchFormField
  case hintFormScore
  case trimOnFormAverage
  case hintFormTrim
  case medianHasNoTrim
  case formShareHasNoTrim
  case formShareNeedsChoiceField
  case hintFormShareChoice
  case notACountedFieldChoice
  case unknownFormScore
  case formAverageNeedsPoints
  case formsDeclareNoGroups
  case hintFormRaterID
  case noSuchFormGroup
  case hintFormRaterWeight
  case formRaterWeightsNotOne
  // Raters' forms files (RaterRecords)
  case formCountsSummary
  case raterFormProblem
  case formNamesGroupWithoutGroups
  case formGroupUnknown
  case raterGaveTwice
  case spoiledMarkerProblem
  case formGroupNotYesNo
  case formRaterNotYesNo
  case formKeyNotAField
  case formNamesNoGroup
  case formNotAnObject
  case markNotExact
  case markWrongKind
  case formsFileWithoutForms
  case formNamesNoSubject
  case formsPlaceLineColumn
  case formsPlaceRowColumn
  case formsColumnGroupsWithoutGroups
  case formsColumnUnknown
  case formsColumnsSame
  case formsNoIDColumn
  case formsNoGroupColumn
  case formsNoFieldColumn
  case formsFileEmpty
  case formsHeaderUnreadable
  case formsOutcomeAt
  case formsNotUTF8
  case formsSheetNoHeader
  case formsJSONNotList
  case formJSONNamesNoSubject
  case formOfNoSubject
  // MARK: PackCompiler+Periods
  case onePeriodOf
  // MARK: Linked packs and previous results (lang3)
  case whatLink
  case hintLinkID
  case linkIDAlreadyUsed
  case hintLinkPack
  case linkReadsItsOwnPack
  case notAVersionRequirement
  case whatLinkJoin
  case hintJoinSubject
  case hintLinkJoin
  case hintLinkFields
  case linkReadsNoField
  case linkMixesAggregates
  case whatLinkField
  case hintLinkFieldInput
  case linkInputNotDeclared
  case linkInputFilledTwice
  case hintLinkLabelName
  case hintLinkOutcomeName
  case unknownLinkField
  case hintLinkFieldField
  case linkNameOnlyLabelOutcome
  case linkGradesMisplaced
  case linkAtLeastMisplaced
  case hintLinkGrades
  case hintLinkAtLeast
  case linkReadsCount
  case linkReadsShare
  case linkReadsNumber
  case linkReadsInteger
  case linkReadsGrade
  case linkReadsLabel
  case linkAggregateNeedsNumber
  case linkInputWrongType
  case linkPacksGiven
  case linkedPackNotGiven
  case linkedPackGivenTimes
  case linkVersionNotMet
  case linkedPackNoGrades
  case linkGradeNotAChoice
  case linkNotAGrade
  case linkedPackNoStars
  case linkNotALabel
  case linkNotAnOutcome
  case linkInputGivenLeaveOut
  case linkWhat
  case linkSubjectHasNoKey
  case linkColumnID
  case linkColumnParent
  case linkColumnAttribute
  case linkedSubjectRejected
  case linkRejectedUnknownKeys
  case linkedSubjectRejectedByKey
  case linkFindsNothing
  case linkAmbiguous
  case linkedResultsNotGiven
  case linkedHasNoGrade
  case linkedHasNoStars
  case linkedHasNoOutcome
  case linkedHasNoTotal
  case linkedSubjectLacks
  case linkShareNotExact
  case linkAggregateNotExact
  case linkInputGivenInData
  case linkedValueProblem
  case linkPackNotInLibrary
  case linkLibraryVersionNotMet
  case linkedPackGivenTwice
  case linkCycle
  case whatPrevious
  case previousFromNotAnID
  case hintPreviousFields
  case previousListAField
  case whatPreviousField
  case hintPreviousFieldID
  case hintPreviousFieldField
  case unknownPreviousField
  case previousFieldHasNoBound
  case previousFieldBoundWhole
  case previousChoicesOnlyGrade
  case previousNoStarsHere
  case hintPreviousMaxStars
  case previousListGrades
  case previousChoicesRepeat
  case previousNoGradesHere
  case hintPreviousChoices
  case previousWhenMissingInvalid
  case previousWhenMissingKind
  case hintPreviousWhenMissing
  case testPreviousNotRead
  case testPreviousInCohort
  case whatTestPrevious
  case testPreviousValueKind
  case previousAtLine
  case previousFirstAtLine
  case previousIDAgain
  case previousCannotRead
  case previousCannotReadRecord
  case previousRecordNotJSON
  case previousNotARecord
  case previousFileChanged
  case previousNotUTF8
  case previousEmpty
  case previousPlaceRow
  case previousNoIDColumn
  case previousRowHasNoID
  case previousNoSheetWithID
  case previousExpectedList
  case previousExpectedObject
  case previousNoSubjectID
  case previousNotRead
  case previousPackWithStars
  case previousPackWithGrades
  case previousPackWithColumn
  case previousNoColumn
  case previousAccordingTo
  case previousOtherPack
  case previousLineComma
  case previousValueProblem
  case previousNoneForSubject
  case previousCommaLine
  case previousGivenTwice
  case previousGivesNo
  case previousResultNotGiven
  case linkedOptionWithoutLinks
  case linkedLibraryHasProblems
  case linkedOptionForm
  case linkedPackCannotBeRead
  case linkedPackIDNeedsLibrary
  case linkedLibraryHasNoPack
  case linkedOptionGivesPackTwice
  case linkedCommandProblem
  case linkedPacksHaveProblems
  case linkedPackNeedsData
  case linkedCountsLine
  // MARK: PackCompiler+Periods (continued)
  case whatPeriodDeclaration
  case hintPeriodID
  case whatPeriodName
  case hintPeriodParts
  case giveAPeriod
  case periodListedTwice
  case periodTypeValue
  case unknownAggregate
  case hintAggregate
  case unknownPeriodWhenMissing
  case hintPeriodWhenMissing
  case whatPeriodCheck
  case hintPeriodCheckID
  case hintPeriodCheckBelow
  case hintPeriodMin
  case hintPeriodMax
  case minAboveMaxPlain
  case maxPerPeriodNotBelowMax
  case maxPerPeriodNotAboveMin
  case checkBelowUnreachable
  // MARK: PackCompiler+Ledger
  case pointsFor
  case pointsAddedAboveZero
  case pointsDeductedAboveZero
  case listPointsPerLevel
  case listPointsPerSeverity
  case theLedgerRule
  case theWhenOf
  case theSuspendedWhileOf
  case checkAtNotMonthEnd
  case checkAtNotQuarterEnd
  case checkAtNotHalfYearEnd
  case ledgerConditionLeftOut
  case whatLedger
  case hintLedgerID
  case hintAsOf
  case notADateYMD
  case hintLedgerBase
  case whatCarryOver
  case hintCarryInput
  case noSuchNumberInput
  case hintCarryShare
  case whatLedgerCategory
  case hintCategoryLabel
  case categoryListedTwice
  case hintCategoryMax
  case maxNotAboveZero
  case whatLedgerRule
  case hintLedgerKind
  case kindAlreadyHasRule
  case ledgerRuleEffect
  case awardAboveZero
  case deductAboveZero
  case resetIsTrue
  case noSuchCategory
  case repeatOnlyForDeduct
  case resetTakesNo
  case highestOnlyForDeductions
  case highestOnlyOnlyForAward
  case suspendedOnlyForAward
  case maxPerPeriodNotPositive
  case maxPerPeriodNotBelowYear
  case unknownLedgerPeriod
  case hintLedgerPeriod
  case periodWithoutMaxPerPeriod
  case exemptWithoutCategory
  case hintLedgerRules
  case whatLedgerCheck
  case hintLedgerCheckID
  case unknownCheckAt
  case hintCheckAt
  case hintLedgerCheckBelow
  // MARK: PackCompiler+Requires
  case hintRequires
  case hostFunctionTwice
  case hostFunctionNotProvided
  case hostFunctionMismatch
  case whatHostFunction
  case hintHostFunctionName
  case hostFunctionBuiltIn
  case hostFunctionBadName
  case whatArgumentType
  case unknownArgumentType
  case hintArguments
  case unknownResultType
  case whatResult
  case unknownResultTypeShort
  case booleanResultNoRange
  case resultMinAboveMax
  case resultMinAndMax
  case hintResult
  // MARK: PackTestCase
  case testExpectedMessageContaining
  case testSubjectRejected
  case testExpectedRejection
  case testPlainDiffers
  case testPlainRejected
  case testWhatItTakes
  case testMemberFailure
  case testRank
  case noRank
  case testCohortSize
  case testLabels
  case testExpectedValid
  case testExpectedVoid
  case voidWithReason
  case aValidResult
  case testTotal
  case testComponent
  case testSection
  case testOutcome
  case testGrade
  case noGrade
  case testStars
  case testStarItems
  case testVetoes
  case testConsequences
  case whatTestCase
  case hintTestName
  case whatTestSubject
  case hintTestInputs
  case cohortCaseWithoutCohort
  case hintCohortMembers
  case whatCohortMember
  case memberIDTwice
  case whatMemberAttributes
  case hintExpect
  case whatTestFunctions
  case functionsWithoutRequires
  case whatCallResult
  case callArgumentCount
  case anArgumentOf
  case hintCallArguments
  case hintCallResult
  case callArgumentsTwice
  case whatTestEvents
  case eventsWithoutLedger
  case whatTestInputs
  case thePartsOf
  case whatExpectedResult
  case theResultOf
  case hostResultNotAllowed
  case hostGaveForCondition
  case hostGaveOutsideRange
  case hostGaveTooManyPlaces
  case whatInputValue
  case numberLostExactness
  case inputValueKind
  case noSuchGradeOrNull
  case nounComponent
  case nounSection
  case nounOutcome
  case nounStarItem
  case nounVeto
  case nounConsequence
  case nounCohortLabel
  case whatVoid
  case caseExpectsNothing
  case expectedScoresOf
  case theExpectedPlural
  case anIDOf
  case noSuchExpectedID
  // MARK: RulePack
  case packPathIsFolder
  case cannotReadPackFile
  case packTooLarge
  case packNotCheckedCompletely
  case packModelUnreadable
  case modelNotWritten
  case itIsAFolderShort
  case systemGaveError
  case systemCouldNotRead
  // MARK: RulePack+WhatItTakes
  case stepOnlyForNumbers
  case stepNotPositive
  case integerStepNotWhole
  // MARK: JSONParser
  case jsonEmpty
  case jsonUTF16
  case jsonAfterValue
  case jsonTooDeep
  case jsonTrailingComma
  case jsonDuplicateKey
  case jsonExpectedColon
  case jsonComments
  case jsonUnclosedText
  case jsonFirstHalfSurrogate
  case jsonSecondHalfSurrogate
  case jsonBackslashFollowedBy
  case jsonInvalidEscape
  case jsonInvalidUnicodeEscape
  case jsonChineseQuoteHint
  case jsonLineBreakInText
  case jsonTabInText
  case jsonControlInText
  case jsonMinusInfinity
  case jsonDigitAfterMinus
  case jsonLeadingZero
  case jsonDigitAfterPoint
  case jsonExponentDigits
  case jsonInvalidNumber
  case jsonWriteLowercase
  case jsonNotANumberWord
  case jsonSingleQuotedText
  case jsonPlusSign
  case jsonStartWithDigit
  case jsonBareText
  case jsonExpectedValue
  case jsonAsValueOf
  case jsonInListOpenedAt
  case jsonSingleQuotedKey
  case jsonUnquotedKey
  case jsonOrCloseBrace
  case jsonExpectedKey
  case jsonTheValueOf
  case jsonAListItem
  case jsonExpectedCommaOrCloser
  case jsonCloseWith
  case jsonCommaInsideQuotes
  case jsonAddCommaMembers
  case jsonAddCommaItems
  case jsonUnclosedContainer
  case jsonValueIncomplete
  case jsonValueMissing
  case jsonUnexpectedEnd
  case jsonFullWidth
  case jsonNotUTF8
  case jsonControlCharacter
  case jsonMember
  case jsonItem
  case jsonObjectWord
  case jsonListWord
  case jsonByte
  case jsonThen
  case jsonTextUnclosedMembers
  case jsonTextUnclosedItems
  // MARK: FormulaLexer
  case fxAmpersand
  case fxBar
  case fxPower
  case fxSemicolon
  case fxNoOpenBracket
  case fxUnexpectedCharacter
  case fxTooManyDecimals
  case fxNumberTooLarge
  case fxTextUnclosed
  case fxBracketUnclosed
  case fxEmptyBrackets
  // MARK: FormulaParser
  case fxTooLong
  case fxEmpty
  case fxUnmatchedParen
  case fxExpectedOperatorOrEnd
  case fxEndOfFormula
  case fxTooDeep
  case fxChainedComparison
  case fxPercentAfterNumber
  case fxPercentDecimals
  case fxEndsEarlyAfter
  case fxExpectedValue
  case fxParenAfter
  case fxThisParen
  case fxNeverClosed
  case fxOperatorOrParen
  case fxCommaOrParen
  case fxExpectedHere
  case fxIfNeedsThenElse
  case fxExpectedThen
  case fxExpectedElse
  // MARK: FormulaChecker
  case fxTypeNumber
  case fxHintCountCondition
  case fxHintGiveNumber
  case fxHintCompare
  case fxHintCompareChoice
  case fxHintGiveText
  case fxExpectedType
  case fxNeedsNumberNotBool
  case fxNeedsNumberNotText
  case fxNeedsBoolNotNumber
  case fxNeedsBoolNotText
  case fxConditionOfIf
  case fxUnknownNameDidYouMean
  case fxUnknownNameIsChoice
  case fxNoNamesHere
  case fxUnknownName
  case fxCannotCompare
  case fxComparesNumbersOnly
  case fxNoChoicesCannotCompare
  case fxLiteralNoChoices
  case fxBranchesDiffer
  case fxNoChoicesAsValue
  case fxResultOf
  case fxTypeBoolean
  case fxTypeText
  case fxNotAChoice
  case listAndMore
  // MARK: FormulaFunctions
  case fxUsageAbs
  case fxUsageNot
  case fxUsageRound
  case fxUsageClamp
  case fxUsageIf
  case fxUsageConditions
  case fxUsageNumbers
  case fxUsageLarge
  case fxUsageSmall
  case fxArity
  case pluralS
  case oneWasGiven
  case manyWereGiven
  case fxNeedsOneArgument
  case fxNeedsKAndNumber
  case fxTooManyArguments
  case fxConditionOfIF
  case fxBadK
  case fxPlacesArgument
  case fxClampOrder
  case fxHostArity
  case fxNameNotFunction
  case fxUnknownFunctionDidYouMean
  case fxUnknownFunction
  case fxCouldNotCheck
  // MARK: FormulaBounds
  case fxResultTooManyPlaces
  case fxQuotientOf
  case fxExactResultOf
  case fxReachTooManyDigits
  case fxReachTooLarge
  case fxMayFail
  // MARK: Formula run failures
  case fxRunProductInexact
  case fxRunQuotientInexact
  case fxRunAverageInexact
  case fxRunSumInexact
  case fxRunInexactRoundParts
  case fxRunInexactRoundOperand
  case fxRunDivisionByZeroDivisor
  case fxRunDivisionByZero
  case fxRunOverflow
  case fxRunBadLargeK
  case fxRunBadSmallK
  case fxRunClampOrder
  case fxRunHostNoValue
  case hostCallFailed
  case hostNotProvided
  case hostCallFailure
  case hostTestNoValue
  case hostTestArgumentsNotListed
  case arithmeticOverflow
  case arithmeticDivisionByZero
  case arithmeticInexact
  // MARK: Output files
  case noSpaceLeft
  case closedPipe
  case noSuchFolder
  case writtenAfterClose
  case nothingWritten
  case nounTheOutput
  case nounTheRecord
  case outputIsInput
  case outputIsFolder
  case cannotWriteNotWritten
  // MARK: PackCoverage
  case coverageRules
  case coverageVetoes
  case coverageBands
  case coverageStarLevels
  case coverageStarItems
  case coverageConsequences
  case coverageCohortLabels
  case coverageQuotas
  case coverageChecks
  case coverageClassComponents
  case coverageCheck
  case coverageNeverRejected
  case coverageNeverScored
  case coverageNeverScoredOutsideClass
  case coverageCount
  case coverageConditions
  case coverageNothing
  case coverageSummary
  case coverageItemGap
  case coverageConditionGap
  case coverageNeverFalse
  case coverageNeverTrue
  case coverageNeverChecked
  case coverageCondition
  case coverageConditionKey
  case coverageNamed
  case coverageNamedLabel
  case coverageStarLevel
  case coverageQuota
  case coverageNeverFired
  case coverageNeverGiven
  case coverageNeverEarned
  case coverageNeverFollowed
  case coverageNeverMoved
  case coverageNeverDiffered
  // MARK: Help (MessageCatalog+Help.swift)
  // Rater forms, linked packs and last period's results.
  case fieldOnlyFromForms
  case scoreOnlyFromForms
  case noItemFromForms
  case whatTestLinked
  case whatLinkJoined
  case linkJoinsAtLeastOne
  case linkReadsOne
  case whatLinkedSubject
  case hintLinkedSubjectID
  case whatLabelID
  case whatOutcomes
  case inputReadThroughLink
  case whatTestForms
  case formsWithoutDeclaration
  case whatRaterForm
  case whatFormGroup
  case markNotNumberOrText
  case formsRowCannotCarry
  case formsInTwoPlaces
  case formsNotArray
  case validateReadsLink
  case resultsPlusRejectedAndForms
  case formsTakesFile
  case previousContradiction
  case packReadsNoPrevious
  case packReadsPrevious
  // MARK: Applicability by class (appliesTo)
  case placeInput
  case appliesToReadsPartialInput
  case appliesToNever
  case appliesToAlways
  case inputOnlyForClass
  case usesClassComponent
  // MARK: Forms while scoring, pack library
  case formsNotGiven
  case formsNotReturnedCount
  case formsMoreThanAttended
  case formsUnmarkedAndAbstained
  case formsUnmarked
  case formsAbstained
  case formsLeftOut
  case formsNoCountedMark
  case formsTooFewToTrim
  case libraryVersionTwice
  case libraryVersionsOverlap
  case libraryCannotReadFolder
  case libraryCannotReadFile
  case libraryInForce
  case libraryAlways
  case libraryFurtherNotice
  case libraryNoneInForce
  case libraryPackInForce
  case librarySeveralInForce
  case helpOverview, helpValidate, helpTest, helpEvaluate, helpExplain, helpReport, helpRender, helpDiff
}

enum MessageCatalog {
  /// The message in `language`: its template with the arguments put in.
  static func render(_ message: Message, in language: Language) -> String {
    let template = language == .english ? templates(message.key).en : templates(message.key).zh
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      let digits = after.prefix(while: \.isASCII).prefix(while: \.isNumber)
      guard !digits.isEmpty, after.dropFirst(digits.count).first == "}", let number = Int(digits) else {
        result.append("{")
        rest = after
        continue
      }
      if number >= 1, number <= message.arguments.count {
        result += render(message.arguments[number - 1], in: language)
      } else {
        assertionFailure("message \(message.key) has no argument {\(number)}")
      }
      rest = after.dropFirst(digits.count + 1)
    }
    result += rest
    return result
  }

  static func render(_ argument: MessageArgument, in language: Language) -> String {
    switch argument {
    case .text(let text): text
    case .message(let message): render(message, in: language)
    case .list(let items): items.joined(separator: language == .english ? ", " : "、")
    }
  }

  /// The English and the Chinese template of `key`.
  static func templates(_ key: MessageKey) -> (en: String, zh: String) {
    switch key {
    // MARK: Building blocks
    case .untranslated:
      ("{1}",
       "{1}")
    case .verbatim:
      ("{1}",
       "{1}")
    case .placeInput:
      ("input '{1}'",
       "输入项“{1}”")
    case .appliesToReadsPartialInput:
      ("the \"appliesTo\" of {1} reads '{2}', which not every subject has; a class is decided by inputs every subject gives (required, or with a default, and without an \"appliesTo\" of their own): name such an input, e.g. a required choice 类别",
       "{1}的 \"appliesTo\" 用到了“{2}”，而并非每个对象都有它；类别只能由每个对象都有的输入项决定（必填或有默认值，且自身没有 \"appliesTo\"）：请改用这样的输入项，例如必填的选择项“类别”")
    case .appliesToNever:
      ("the \"appliesTo\" of {1} never holds, so it applies to no subject; correct the condition or remove it",
       "{1}的 \"appliesTo\" 恒不成立，对任何对象都不适用；请改正条件或删去")
    case .appliesToAlways:
      ("the \"appliesTo\" of {1} always holds; remove it (what applies to every subject needs none)",
       "{1}的 \"appliesTo\" 恒成立；请删去（适用于所有对象的无需此项）")
    case .inputOnlyForClass:
      ("{1}({2}) applies only when {3}, which this subject is not, yet it gives {4}; leave it empty, or correct the class",
       "{1}({2}) 仅适用于 {3}，本对象不属于此类，却给出了 {4}；请留空，或改正类别")
    case .formsNotGiven:
      ("{1} is scored from rater forms ({2}), but none are given; give them in a forms file (pbk evaluate --forms), as a \"forms\" array of the subject in JSON, or as AssessmentInput.forms (\"forms\": [] for none)",
       "{1}按测评表（{2}）计分，但没有给出测评表；请在测评表文件中给出（pbk evaluate --forms），或在 JSON 中给出对象的 \"forms\" 数组，或用 AssessmentInput.forms（没有则写 \"forms\": []）")
    case .formsNotReturnedCount:
      ("{1} rater forms ({2}) are given, but {3}({4}) is {5}; give every form returned — blank and spoiled ones too — or correct the count",
       "给出了 {1} 份测评表（{2}），但{3}({4}) 为 {5}；请给出收回的每一份测评表（空白表和废票也要给出），或改正该数")
    case .formsMoreThanAttended:
      ("{1} rater forms ({2}) are given, more than the {3} who attended ({4}({5})); check the forms and the count",
       "给出了 {1} 份测评表（{2}），多于实到的 {3} 人（{4}({5})）；请核对测评表和该数")
    case .formsUnmarkedAndAbstained:
      ("{1} unmarked, {2} abstained",
       "未填 {1} 份、弃权 {2} 份")
    case .formsUnmarked:
      ("{1} unmarked",
       "未填 {1} 份")
    case .formsAbstained:
      ("{1} abstained",
       "弃权 {1} 份")
    case .formsLeftOut:
      (" ({1} left out)",
       "（不计：{1}）")
    case .formsNoCountedMark:
      ("{1}no counted mark of {2}({3}) on the forms{4}; declare \"whenNoneCounted\" for this case, or check the forms",
       "{1}测评表上没有可计入的“{2}”({3}) 评分{4}；请为这种情况声明 \"whenNoneCounted\"，或核对测评表")
    case .formsTooFewToTrim:
      ("{1}{2} counted marks; dropping the {3} highest and {4} lowest needs more than {5}",
       "{1}可计入的评分 {2} 个；去掉 {3} 个最高分和 {4} 个最低分需要多于 {5} 个")
    case .libraryVersionTwice:
      ("pack '{1}' version {2} is also in {3}; keep one, or raise the version of the newer",
       "规则包“{1}”的版本 {2} 也在 {3} 中；请只保留一个，或提高较新者的版本号")
    case .libraryVersionsOverlap:
      ("pack '{1}' version {2} is in force {3}, and version {4} ({5}) {6}: the days overlap; end the older one (\"until\") the day before the newer starts",
       "规则包“{1}”的版本 {2} 的施行期为{3}，版本 {4}（{5}）为{6}：日期重叠；请让较旧的版本在较新版本生效前一天截止（\"until\"）")
    case .libraryCannotReadFolder:
      ("cannot read the folder; check the path",
       "无法读取该文件夹；请检查路径")
    case .libraryCannotReadFile:
      ("cannot read the file; check its permissions",
       "无法读取该文件；请检查其权限")
    case .libraryInForce:
      ("from {1} until {2}",
       "自{1}至{2}")
    case .libraryAlways:
      ("always",
       "一直有效")
    case .libraryFurtherNotice:
      ("further notice",
       "另行通知")
    case .libraryNoneInForce:
      ("no pack is in force on {1} for '{2}'; the packs are {3}",
       "{1}没有对“{2}”施行的规则包；现有规则包：{3}")
    case .libraryPackInForce:
      ("{1} {2} {3}",
       "{1} {2}（{3}）")
    case .librarySeveralInForce:
      ("{1} packs are in force on {2} for '{3}' ({4}); ask for one by id",
       "{2}对“{3}”施行的规则包有 {1} 个（{4}）；请按 id 指定其中一个")
    case .usesClassComponent:
      ("{1} uses '{2}', which is left out for a subject outside its class (\"appliesTo\": \"{3}\"); after the total a left-out part would read as 0: use it only in components, or name the inputs it reads",
       "{1}用到了“{2}”，而不属于其适用类别的对象不计它（\"appliesTo\": \"{3}\"）；总分之后不计的部分会被当作 0：请只在分项中使用它，或改用它所读的输入项")
    // MARK: Excel and rater forms (lang2)
    // Excel reader
    case .excelSaveAsAdvice:
      ("open it in Excel or WPS and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8 (逗号分隔)",
       "请用 Excel 或 WPS 打开，通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”保存，或另存为 CSV UTF-8（逗号分隔）")
    case .excelDamagedAdvice:
      ("the file is damaged (工作簿文件已损坏): if it was copied or downloaded, copy it again; otherwise open it in Excel or WPS, let it repair the file, and save it via 文件 → 另存为 → Excel 工作簿 (*.xlsx)",
       "工作簿文件已损坏：如果是复制或下载来的，请重新复制或下载一次；否则请用 Excel 或 WPS 打开，让它修复文件，再通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”保存")
    case .excelNotAWorkbook:
      ("the file is not an Excel workbook (.xlsx) (文件不是 Excel 工作簿); {1}",
       "文件不是 Excel 工作簿（.xlsx）；{1}")
    case .excelLegacyXLS:
      ("the file is an Excel 97–2003 workbook (.xls), which is not supported (不支持 .xls 旧格式, 请另存为 .xlsx); {1}",
       "文件是 Excel 97–2003 工作簿（.xls），不支持这种旧格式，请另存为 .xlsx；{1}")
    case .excelEncrypted:
      ("the workbook is encrypted{1} (工作簿已加密, 请去掉密码后另存); open it in Excel or WPS with its password, remove the password, and save an unencrypted copy via 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as CSV UTF-8",
       "工作簿已加密{1}；请在 Excel 或 WPS 中用密码打开，去掉密码，再通过“文件 → 另存为 → Excel 工作簿 (*.xlsx)”另存一份不加密的副本，或另存为 CSV UTF-8")
    case .excelEncryptedEntry:
      (" (entry '{1}' is encrypted)",
       "（其中“{1}”已加密）")
    case .excelOpenDocument:
      ("the file is an OpenDocument spreadsheet (.ods), not an Excel workbook (文件不是 .xlsx 格式); {1}",
       "文件是 OpenDocument 电子表格（.ods），不是 Excel 工作簿（.xlsx）；{1}")
    case .excelBinaryWorkbook:
      ("the file is an Excel binary workbook (.xlsb), which is not supported (不支持 .xlsb 格式); {1}",
       "文件是 Excel 二进制工作簿（.xlsb），不支持这种格式；{1}")
    case .excelZip64:
      ("the workbook is stored as a ZIP64 archive, which is not supported (不支持此文件格式); {1}",
       "工作簿以 ZIP64 格式存储，不支持此文件格式；{1}")
    case .excelDamagedArchive:
      ("the workbook's ZIP structure is broken: {1}; {2}",
       "工作簿的 ZIP 结构已损坏：{1}；{2}")
    case .excelUnsupportedCompression:
      ("entry '{1}' is compressed with method {2}{3}, but only stored (0) and deflate (8) are supported (压缩方式不受支持); {4}",
       "条目“{1}”的压缩方式为 {2}{3}，而只支持 0（stored）和 8（deflate），压缩方式不受支持；{4}")
    case .excelMethodName:
      (" ({1})",
       "（{1}）")
    case .excelAESEncryption:
      ("AES encryption",
       "AES 加密")
    case .excelChecksumMismatch:
      ("entry '{1}' fails its CRC-32 check (expected {2}, computed {3}); {4}",
       "条目“{1}”未通过 CRC-32 校验（应为 {2}，算得 {3}）；{4}")
    case .excelSizeMismatch:
      ("entry '{1}' unpacks to {2} bytes but its header declares {3}; {4}",
       "条目“{1}”解压后为 {2} 字节，而其文件头声明为 {3} 字节；{4}")
    case .excelArchiveTooLarge:
      ("the workbook would unpack to {1} bytes, more than the limit of {2} (工作簿过大); split the data into smaller workbooks, or save it as CSV UTF-8 (逗号分隔) and read that",
       "工作簿解压后将有 {1} 字节，超过上限 {2} 字节，工作簿过大；请把数据拆分到几个较小的工作簿中，或另存为 CSV UTF-8（逗号分隔）后读取")
    case .excelImplausibleRatio:
      ("entry '{1}' claims to unpack {2} bytes from {3}, more than {4} times its size, which no genuine workbook does (文件疑似恶意构造, 已拒绝读取); the file was refused: ask the sender for the original workbook",
       "条目“{1}”声称由 {3} 字节解压出 {2} 字节，超过自身大小的 {4} 倍，正常的工作簿不会如此，文件疑似恶意构造，已拒绝读取；请向发送者索取原始工作簿")
    case .excelDamagedCompressedData:
      ("the compressed data of entry '{1}' is damaged: {2}; {3}",
       "条目“{1}”的压缩数据已损坏：{2}；{3}")
    case .excelMissingPart:
      ("the workbook has no part '{1}' (工作簿缺少必要内容), so it is not a complete Excel workbook; {2}",
       "工作簿缺少必要内容“{1}”，不是完整的 Excel 工作簿；{2}")
    case .excelMalformedXML:
      ("part '{1}', byte {2}: {3} (工作簿内容格式错误); {4}",
       "工作簿内容格式错误（“{1}”第 {2} 字节）：{3}；{4}")
    case .excelNoSheets:
      ("the workbook has no worksheets (工作簿中没有工作表); put the data on a worksheet and save it again",
       "工作簿中没有工作表；请把数据放到一个工作表中，再保存一次")
    case .excelSheetNotFound:
      ("the workbook has no sheet named '{1}' (找不到名为“{1}”的工作表); its sheets are {2}: pass one of these names",
       "工作簿中找不到名为“{1}”的工作表；其中的工作表为{2}：请给出其中一个名称")
    case .excelNoSheetNames:
      ("none",
       "（无）")
    case .excelSheetName:
      ("'{1}'",
       "“{1}”")
    case .excelSheetNameList:
      ("{1}, {2}",
       "{1}、{2}")
    case .excelSheetWithoutPart:
      ("the workbook lists sheet '{1}' but not where its cells are (工作表“{1}”的内容缺失); {2}",
       "工作簿列有工作表“{1}”，却找不到它的单元格，工作表内容缺失；{2}")
    case .excelNotAWorksheet:
      ("sheet '{1}' is a chart sheet or another sheet without cells (“{1}”不是普通工作表); choose the worksheet that holds the data",
       "“{1}”是图表工作表或其他没有单元格的工作表，不是普通工作表；请选择存放数据的工作表")
    case .excelInvalidReference:
      ("part '{1}': '{2}' is not a cell reference like B3 within A1:XFD1048576 (单元格引用错误); {3}",
       "单元格引用错误：“{1}”中的“{2}”不是 A1:XFD1048576 范围内形如 B3 的单元格引用；{3}")
    case .excelRowOutOfOrder:
      ("row {1} comes after row {2}, but rows must be in increasing order (行顺序错误); {3}",
       "行顺序错误：第 {1} 行排在第 {2} 行之后，而各行必须按行号递增排列；{3}")
    case .excelCellOutOfOrder:
      ("cell {1} comes{2} out of order or outside its row (单元格顺序错误); {3}",
       "单元格顺序错误：单元格 {1}{2}顺序颠倒或不在所属行内；{3}")
    case .excelAfterCell:
      (" after cell {1}",
       "（在单元格 {1} 之后）")
    case .excelFormulaWithoutValue:
      ("cell {1} holds the formula ={2} but no calculated value (单元格 {1} 的公式没有计算结果); open the workbook in Excel or WPS, recalculate (公式 → 开始计算, or F9), save it, and try again",
       "单元格 {1} 的公式 ={2} 没有计算结果；请在 Excel 或 WPS 中打开工作簿，重新计算（公式 → 开始计算，或按 F9），保存后再试")
    case .excelInvalidNumber:
      ("cell {1} should hold a number but holds '{2}' (单元格 {1} 的数值无法识别); retype the value in Excel or WPS and save the workbook again",
       "单元格 {1} 应为数值，实际是“{2}”，数值无法识别；请在 Excel 或 WPS 中重新输入该值，再保存工作簿")
    case .excelInvalidBoolean:
      ("cell {1} should hold TRUE or FALSE but holds '{2}' (单元格 {1} 的逻辑值无法识别); retype the value in Excel or WPS and save the workbook again",
       "单元格 {1} 应为逻辑值 TRUE 或 FALSE，实际是“{2}”，逻辑值无法识别；请在 Excel 或 WPS 中重新输入该值，再保存工作簿")
    case .excelSharedStringOutOfRange:
      ("cell {1} refers to shared string {2}, but the workbook has {3} (单元格 {1} 的文本缺失); {4}",
       "单元格 {1} 引用了第 {2} 号共享文本，而工作簿只有 {3} 条，单元格文本缺失；{4}")
    case .excelSheetTooSparse:
      ("part '{1}': its rows reach far to the right of their data ({2} cells from {3} bytes), which no genuine worksheet does (工作表结构异常); in Excel or WPS delete the empty columns right of the data, save, and try again",
       "工作表结构异常：“{1}”中各行远远延伸到数据右侧（{3} 字节展开为 {2} 个单元格），正常的工作表不会如此；请在 Excel 或 WPS 中删除数据右侧的空列，保存后再试")
    case .excelUnknownCellType:
      ("cell {1} has the unknown type '{2}' (单元格 {1} 类型无法识别); {3}",
       "单元格 {1} 的类型“{2}”无法识别；{3}")
    case .excelInvalidSheetName:
      ("'{1}' cannot name a sheet: Excel sheet names have 1 to 31 characters, none of : \\ / ? * [ ], and do not start or end with an apostrophe (工作表名称无效); choose another name",
       "工作表名称无效：“{1}”不能作工作表名称，Excel 工作表名称为 1 到 31 个字符，不含 : \\ / ? * [ ] 中的任何一个，也不以单引号开头或结尾；请换一个名称")
    case .excelInvalidNumberText:
      ("the number '{1}' for cell {2} is not decimal text like 85.5 or -3; pass digits with an optional leading minus sign and decimal point",
       "单元格 {2} 的数字“{1}”不是形如 85.5 或 -3 的十进制数；请只给出数字，可带开头的负号和小数点")
    case .excelTooManyDigits:
      ("the number '{1}' for cell {2} has more than the 15 significant digits Excel keeps, so Excel would change it (超过 15 位有效数字); write an identifier such as an ID-card number as text, or round the value",
       "单元格 {2} 的数字“{1}”超过 Excel 能保留的 15 位有效数字，Excel 会改变它；身份证号这类编号请写成文本，否则请对数值舍入")
    case .excelUnsupportedPlaces:
      ("cell {1} asks for {2} decimal places, but 0 to 6 are supported; round the value and pass a number of places in that range",
       "单元格 {1} 要求 {2} 位小数，而只支持 0 到 6 位；请对数值舍入，并给出此范围内的小数位数")
    case .excelTextTooLong:
      ("the text for cell {1} has {2} characters, more than the 32,767 an Excel cell holds (单元格文本过长); shorten it",
       "单元格 {1} 的文本有 {2} 个字符，超过 Excel 单元格能容纳的 32,767 个，单元格文本过长；请缩短")
    case .excelSheetTooLarge:
      ("the sheet would have more than 1,048,576 rows or 16,384 columns, Excel's limits (超出 Excel 工作表的行列上限); split the results into several workbooks, or write CSV",
       "工作表将超过 1,048,576 行或 16,384 列，超出 Excel 工作表的行列上限；请把结果拆分到几个工作簿中，或输出 CSV")
    case .excelInvalidPropertyName:
      ("the document property name '{1}' is empty or repeated; give each custom property a distinct, non-empty name",
       "文档属性名称“{1}”为空或重复；请给每个自定义属性取一个互不相同、非空的名称")
    case .excelOutputTooLarge:
      ("the workbook would be larger than 4 GiB, which needs ZIP64 (输出文件过大); split the results into several workbooks, or write CSV",
       "输出文件过大：工作簿将超过 4 GiB，需要 ZIP64 格式；请把结果拆分到几个工作簿中，或输出 CSV")
    case .excelZipNoEndRecord:
      ("it has no ZIP end record, so it is probably cut off (truncated)",
       "没有 ZIP 结束记录，文件可能不完整（被截断）")
    case .excelZipSplitArchive:
      ("it is one part of a split (multi-volume) archive",
       "文件是分卷压缩包中的一卷")
    case .excelZipDirectoryOutOfRange:
      ("its ZIP directory lies outside the file, so it is probably cut off (truncated)",
       "ZIP 目录位于文件之外，文件可能不完整（被截断）")
    case .excelZipBadCentralEntry:
      ("entry {1} of its ZIP directory is malformed or cut off",
       "ZIP 目录的第 {1} 项格式错误或不完整")
    case .excelZipBadLocalHeader:
      ("the header of entry '{1}' is missing or malformed",
       "条目“{1}”的文件头缺失或格式错误")
    case .excelZipDataOutOfRange:
      ("the data of entry '{1}' runs past the end of the file (truncated)",
       "条目“{1}”的数据超出了文件末尾（被截断）")
    case .excelInflateTruncated:
      ("the data ends before its last block",
       "数据在最后一个块之前就结束了")
    case .excelInflateReservedBlockType:
      ("a block has the reserved type 3",
       "有一个块的类型是保留值 3")
    case .excelInflateStoredLengthMismatch:
      ("a stored block's length check fails",
       "有一个未压缩块的长度校验不符")
    case .excelInflateTooManyCodes:
      ("a block declares more than 286 literal/length or 30 distance codes",
       "有一个块声明了超过 286 个字面量/长度码或 30 个距离码")
    case .excelInflateOversubscribed:
      ("the {1} code is over-subscribed",
       "{1}编码超额（over-subscribed）")
    case .excelInflateIncomplete:
      ("the {1} code is incomplete",
       "{1}编码不完整")
    case .excelInflateRepeatWithoutPrevious:
      ("a code-length repeat has no previous length",
       "码长重复指令之前没有码长")
    case .excelInflateRepeatTooLong:
      ("a code-length repeat runs past the declared lengths",
       "码长重复指令超出了声明的码长个数")
    case .excelInflateMissingEndOfBlock:
      ("a block's code has no end-of-block symbol",
       "有一个块的编码缺少块结束符")
    case .excelInflateInvalidSymbol:
      ("an invalid {1} symbol occurs",
       "出现了无效的{1}符号")
    case .excelInflateDistanceTooFarBack:
      ("a back-reference reaches {1} bytes back, but only {2} have been written",
       "有一个回溯引用向前 {1} 字节，而此前只写出了 {2} 字节")
    case .excelInflateOutputTooLarge:
      ("the data unpacks to more than the {1} bytes declared",
       "数据解压后超过了声明的 {1} 字节")
    case .excelCodeLengths:
      ("code-length",
       "码长")
    case .excelCodeLiteralsAndLengths:
      ("literal/length",
       "字面量/长度")
    case .excelCodeDistances:
      ("distance",
       "距离")
    case .excelXMLUnexpectedEnd:
      ("the XML ends in the middle of a tag or element",
       "XML 在标签或元素中间结束")
    case .excelXMLMalformedTag:
      ("a tag is malformed",
       "有标签格式错误")
    case .excelXMLMalformedAttribute:
      ("an attribute is malformed",
       "有属性格式错误")
    case .excelXMLUnknownEntity:
      ("'{1}' is not an XML entity",
       "“{1}”不是 XML 实体")
    case .excelXMLInvalidCharacterReference:
      ("'{1}' names no character",
       "“{1}”不代表任何字符")
    case .excelXMLDocumentType:
      ("a document type declaration (<!DOCTYPE) is not allowed in a workbook",
       "工作簿中不允许有文档类型声明（<!DOCTYPE）")
    case .excelXMLNotUTF8:
      ("the text is not valid UTF-8",
       "文本不是有效的 UTF-8")
    case .excelXMLSheetWithoutName:
      ("a <sheet> has no name",
       "有一个 <sheet> 没有名称")
    // Rater forms (PackCompiler+Raters)
    case .whatRaterForms:
      ("the rater forms (测评表)",
       "测评表")
    case .hintFormGroupID:
      ("a short name, e.g. \"党员\"",
       "简短的名称，如 \"党员\"")
    case .formGroupListedTwice:
      ("the rater group '{1}' is listed twice (by its id or its label); list each group once",
       "评议人类别“{1}”列了两次（按 id 或名称）；每个类别只列一次")
    case .giveAFormGroup:
      ("list at least one rater group, or leave 'groups' out (every form then counts alike)",
       "请至少列出一个评议人类别，或删去“groups”（所有测评表一样计入）")
    case .formGroupWeightsAllOrNone:
      ("give every rater group a 'weight', or none (each item then lists its 'raters' with weights)",
       "请给每个评议人类别都设“weight”，或都不设（由各项目在“raters”中列出权重）")
    case .formGroupWeightsNotOne:
      ("the rater groups' weights add up to {1}, not 1 (100%); correct them (3:4:3 is \"30%\", \"40%\" and \"30%\")",
       "各评议人类别的权重合计为 {1}，不是 1（100%）；请改正（3:4:3 即 \"30%\"、\"40%\" 和 \"30%\"）")
    case .whatFormField:
      ("a field of the form",
       "测评表的打分项")
    case .hintFormFieldID:
      ("the column that holds the mark, e.g. \"德\"",
       "存放打分的列，如 \"德\"")
    case .fieldNamesOwnColumn:
      ("'{1}' names a form's own column ({2}); give the field another id and label",
       "“{1}”是测评表自身的列名（{2}）；请给该打分项另取 id 和名称")
    case .fieldIDStartsWithHash:
      ("a field's id must not start with '#' (such columns are carried through unread)",
       "打分项的 id 不能以“#”开头（这样的列不读取，只原样带过）")
    case .formFieldListedTwice:
      ("the field '{1}' is listed twice (by its id or its label); list each field once",
       "打分项“{1}”列了两次（按 id 或名称）；每个打分项只列一次")
    case .scaleFieldHasNo:
      ("a field marked on a scale has no '{1}': its marks are the scale's choices; remove it",
       "按档次打分的打分项没有“{1}”：它的打分就是档次的选项；请删去")
    case .formFieldType:
      ("a field's type is number or integer (a choice is marked on a 'scale'), not '{1}'",
       "打分项的类型是 number 或 integer（选项用“scale”打分），不能是“{1}”")
    case .hintFieldMin:
      ("the lowest mark a rater may give, e.g. 0",
       "评议人可打的最低分，如 0")
    case .hintFieldMax:
      ("the highest mark a rater may give, e.g. 100",
       "评议人可打的最高分，如 100")
    case .formFieldMaxBelowMin:
      ("'max' {1} is below 'min' {2}",
       "“max” {1} 小于“min” {2}")
    case .integerFieldHasNoPlaces:
      ("an integer field has no decimal places; remove 'places'",
       "整数打分项没有小数位；请删去“places”")
    case .hintFormFields:
      ("what a form holds, e.g. {\"id\": \"德\", \"min\": 0, \"max\": 100}",
       "测评表有哪些打分项，如 {\"id\": \"德\", \"min\": 0, \"max\": 100}")
    case .giveAFormField:
      ("list at least one field of the form",
       "请至少列出测评表的一个打分项")
    case .fromIsForms:
      ("'from' is \"forms\" (the item is scored from each rater's form), not '{1}'; leave it out for counts per choice",
       "“from”只能是 \"forms\"（项目按每位评议人的测评表计分），不能是“{1}”；按各选项票数计分的项目不写“from”")
    case .itemFromFormsWithoutForms:
      ("the item is scored from rater forms, but 'ballots' declares no 'forms'; declare the forms' fields and groups",
       "该项目按测评表计分，但“ballots”没有声明“forms”；请声明测评表的打分项和评议人类别")
    case .formItemHasNo:
      ("an item from the forms has no '{1}': {2}; remove it",
       "按测评表计分的项目没有“{1}”：{2}；请删去")
    case .formItemFieldSaysHow:
      ("its field says how it is marked",
       "怎样打分由它的打分项决定")
    case .formItemMarksFromForms:
      ("its marks come from the forms",
       "它的打分来自测评表")
    case .noSuchFormField:
      ("there is no field '{1}' on the forms{2}; name one of {3} in 'field'",
       "测评表上没有打分项“{1}”{2}；请在“field”中写 {3} 之一")
    case .hintFormScore:
      ("average, trimmedMean (with 'trim'), median or share",
       "average、trimmedMean（配合“trim”）、median 或 share")
    case .trimOnFormAverage:
      ("on an item from the forms, dropping the highest and lowest marks is \"score\": \"trimmedMean\" with 'trim'",
       "按测评表计分的项目要去掉最高分和最低分，请写 \"score\": \"trimmedMean\" 并配合“trim”")
    case .hintFormTrim:
      ("how many of the highest and of the lowest marks are dropped, e.g. 1 (去掉一个最高分和一个最低分)",
       "最高分和最低分各去掉几个，如 1（去掉一个最高分和一个最低分）")
    case .medianHasNoTrim:
      ("a median drops nothing; remove 'trim' (or score a \"trimmedMean\")",
       "中位数不去掉任何打分；请删去“trim”（或改用 \"trimmedMean\"）")
    case .formShareHasNoTrim:
      ("'trim' drops marks from an average; a share has none to drop",
       "“trim”从平均分中去掉打分；占比没有可去掉的打分")
    case .formShareNeedsChoiceField:
      ("a share counts one choice of a field marked on a scale; '{1}' is a {2} field",
       "占比统计的是按档次打分的打分项中某一选项所占的比例；“{1}”是 {2} 类型的打分项")
    case .hintFormShareChoice:
      ("the choice whose share is taken, e.g. \"差\"",
       "取其占比的选项，如 \"差\"")
    case .notACountedFieldChoice:
      ("'{1}' is not a counted choice of the field '{2}' ({3})",
       "“{1}”不是打分项“{2}”中计入的选项（{3}）")
    case .unknownFormScore:
      ("unknown score '{1}' for an item from the forms{2}; use one of {3}",
       "按测评表计分的项目没有计分方式“{1}”{2}；请用 {3} 之一")
    case .formAverageNeedsPoints:
      ("an average or median of '{1}' needs points for every counted choice: give its scale 'points'",
       "“{1}”的平均分或中位数需要每个计入选项的分值：请给它的档次设“points”")
    case .formsDeclareNoGroups:
      ("the forms declare no rater 'groups'; declare them in 'forms' first",
       "测评表没有声明评议人类别“groups”；请先在“forms”中声明")
    case .hintFormRaterID:
      ("one of the forms' groups, e.g. \"党员\"",
       "测评表的评议人类别之一，如 \"党员\"")
    case .noSuchFormGroup:
      ("there is no rater group '{1}' in the forms{2}; the groups are {3}",
       "测评表中没有评议人类别“{1}”{2}；评议人类别有 {3}")
    case .hintFormRaterWeight:
      ("its share of the item, e.g. \"30%\"",
       "它在该项目中所占的比例，如 \"30%\"")
    case .formRaterWeightsNotOne:
      ("the rater groups' weights add up to {1}, not 1 (100%); correct them",
       "各评议人类别的权重合计为 {1}，不是 1（100%）；请改正")
    // Raters' forms files (RaterRecords)
    case .formCountsSummary:
      ("{1} forms: {2} counted, {3} void, {4} rejected",
       "测评表 {1} 份：计入 {2} 份，无效 {3} 份，拒绝 {4} 份")
    case .raterFormProblem:
      ("rater form {1}: {2}",
       "测评表 {1}：{2}")
    case .formNamesGroupWithoutGroups:
      ("the form names the rater group '{1}', but the pack declares no rater groups; leave the group out",
       "测评表填了评议人类别“{1}”，但规则包没有声明评议人类别；请不要填类别")
    case .formGroupUnknown:
      ("the rater group '{1}' is not one of {2}{3}",
       "评议人类别“{1}”不在 {2} 之中{3}")
    case .raterGaveTwice:
      ("the rater '{1}' already gave {2} for this subject; a rater gives one form per subject: remove the repeated form, or correct its rater",
       "评议人“{1}”已为该对象交过{2}；每位评议人对每个对象只交一张测评表：请删去重复的测评表，或改正其评议人")
    case .spoiledMarkerProblem:
      ("the spoiled marker 废票(spoiled) {1}",
       "废票标记（spoiled）{1}")
    case .formGroupNotYesNo:
      ("the rater group is a group's id or label, not yes/no",
       "评议人类别应填类别的 id 或名称，不能填 是/否")
    case .formRaterNotYesNo:
      ("the rater (评议人) is a code or a name, not yes/no",
       "评议人应填代码或姓名，不能填 是/否")
    case .formKeyNotAField:
      ("'{1}' is not a field of the forms ({2}){3}",
       "“{1}”不是测评表的打分项（{2}）{3}")
    case .formNamesNoGroup:
      ("the form names no rater group; give one of {1}",
       "测评表没有填评议人类别；请填 {1} 之一")
    case .formNotAnObject:
      ("a form is an object {\"group\": …, \"德\": 90, …}, not {1}",
       "一张测评表应是对象 {\"group\": …, \"德\": 90, …}，不能是{1}")
    case .markNotExact:
      ("'{1}' is {2}, which cannot be held exactly",
       "“{1}”为 {2}，无法精确保存")
    case .markWrongKind:
      ("'{1}' is {2}; a mark is a number or text",
       "“{1}”是{2}；打分应为数字或文字")
    case .formsFileWithoutForms:
      ("{1}: the pack '{2}' scores nothing from rater forms (no 'forms' in its 'ballots'); leave out the forms file",
       "{1}：规则包“{2}”不按测评表计分（其“ballots”中没有“forms”）；请不要给测评表文件")
    case .formNamesNoSubject:
      ("the form names no subject; give the id (编号) of the subject it rates",
       "该测评表没有填所评对象；请填所评对象的编号（id）")
    case .formsPlaceLineColumn:
      ("line {1}, column {2}",
       "第 {1} 行第 {2} 列")
    case .formsPlaceRowColumn:
      ("row {1}, column {2}",
       "第 {1} 行第 {2} 列")
    case .formsColumnGroupsWithoutGroups:
      ("{1}: {2}: the column '{3}' gives rater groups, but the pack declares none; remove it, or start its header with #",
       "{1}：{2}：“{3}”列填的是评议人类别，但规则包没有声明评议人类别；请删去该列，或在列名前加 #")
    case .formsColumnUnknown:
      ("{1}: {2}: the column '{3}' is not a field of the forms{4}; rename it, or start its header with # to leave it unread",
       "{1}：{2}：“{3}”列不是测评表的打分项{4}；请改列名，或在列名前加 # 使其不被读取")
    case .formsColumnsSame:
      ("{1}: {2}: columns {3} and {4} give the same thing ('{5}' and '{6}'); keep one of them",
       "{1}：{2}：第 {3} 列和第 {4} 列是同一内容（“{5}”和“{6}”）；请只保留其中一列")
    case .formsNoIDColumn:
      ("{1}: {2}: no 'id' (编号) column naming the subject each form rates",
       "{1}：{2}：没有“编号”（id）列，无法知道每张测评表所评的对象；请加上该列")
    case .formsNoGroupColumn:
      ("{1}: {2}: no 'group' (类别) column; each form names its rater group ({3})",
       "{1}：{2}：没有“类别”（group）列；每张测评表都要填评议人类别（{3}）")
    case .formsNoFieldColumn:
      ("{1}: {2}: no column for the field {3}({4}); add it (an empty cell is a field left unmarked)",
       "{1}：{2}：没有打分项 {3}({4}) 的列；请加上（单元格留空即该项未打分）")
    case .formsFileEmpty:
      ("{1}: the file is empty; the first row must name the columns (id, group, then the fields)",
       "{1}：文件是空的；第一行应为列名（编号 id、类别 group，然后是各打分项）")
    case .formsHeaderUnreadable:
      ("{1}: line 1: the header row cannot be read: {2}",
       "{1}：第 1 行：表头行无法读取：{2}")
    case .formsOutcomeAt:
      ("{1}:{2}: {3}",
       "{1}:{2}：{3}")
    case .formsNotUTF8:
      ("not UTF-8",
       "不是 UTF-8 文本")
    case .formsSheetNoHeader:
      ("{1} [{2}]: no header row naming id, group and the fields",
       "{1} [{2}]：没有列出编号（id）、类别（group）和各打分项的表头行")
    case .formsJSONNotList:
      ("{1}: expected a list [ … ] of forms, but the file holds {2}",
       "{1}：应为测评表的列表 [ … ]，但文件中是{2}")
    case .formJSONNamesNoSubject:
      ("the form names no subject; give the \"id\" of the subject it rates",
       "该测评表没有填所评对象；请给出所评对象的 \"id\"")
    case .formOfNoSubject:
      ("no subject '{1}' in the input (or its record was rejected before its id was read), so this form is not counted; correct the form's id, or add the subject",
       "输入中没有对象“{1}”（或其记录在读到编号之前就被拒绝了），这张测评表不计入；请改正测评表上的编号，或补上该对象")
    case .fieldOnlyFromForms:
      ("only an item \"from\": \"forms\" has a 'field'; remove it",
       "只有 \"from\": \"forms\" 的项目才有 'field'；请删去")
    case .scoreOnlyFromForms:
      ("'{1}' scores an item from each rater's own marks (\"from\": \"forms\"); an item of counts per choice is scored average (with 'trim'), share or perVoter",
       "'{1}' 用于按每位评议人自己的打分计分的项目（\"from\": \"forms\"）；按各选项票数计分的项目用 average（可加 'trim'）、share 或 perVoter")
    case .noItemFromForms:
      ("no item is scored from the forms; give an item \"from\": \"forms\", or remove 'forms'",
       "没有项目按测评表计分；请给一个 \"from\": \"forms\" 的项目，或删去 'forms'")
    case .whatTestLinked:
      ("the test's linked results",
       "测试用例的关联结果")
    case .whatLinkJoined:
      ("the results of the subjects the link '{1}' joins",
       "关联“{1}”所对应各对象的结果")
    case .linkJoinsAtLeastOne:
      ("the link '{1}' joins at least one subject; list their results",
       "关联“{1}”至少对应一个对象；请列出它们的结果")
    case .linkReadsOne:
      ("the link '{1}' reads one linked subject: give its result as an object {…}, not a list",
       "关联“{1}”只读一个被关联对象：请把其结果写成对象 {…}，不要写成列表")
    case .whatLinkedSubject:
      ("a linked subject's result",
       "被关联对象的结果")
    case .hintLinkedSubjectID:
      ("the linked subject's id, e.g. \"ZG001\"",
       "被关联对象的编号，如 \"ZG001\"")
    case .whatLabelID:
      ("a label id",
       "标注的 id")
    case .whatOutcomes:
      ("the outcomes",
       "数值结果")
    case .inputReadThroughLink:
      ("the input '{1}' is read through the link '{2}'; give it there only, not in \"inputs\"",
       "输入项“{1}”通过关联“{2}”读取；只在那里给出，不要写在 \"inputs\" 中")
    case .whatTestForms:
      ("the test's rater forms",
       "测试用例的测评表")
    case .formsWithoutDeclaration:
      ("'forms' are read by ballot items scored from rater forms; the pack's 'ballots' declare no 'forms'",
       "'forms' 供按测评表计分的测评项目读取；本规则包的 'ballots' 没有声明 'forms'")
    case .whatRaterForm:
      ("a rater form",
       "一张测评表")
    case .whatFormGroup:
      ("the form's rater group",
       "测评表的评议人类别")
    case .markNotNumberOrText:
      ("a mark is a number or text, not {1}",
       "打分应为数字或文字，不能是{1}")
    case .formsRowCannotCarry:
      ("{1}: the pack '{2}' scores ballot items from rater forms (测评表), which a row of a table cannot carry; give them in a forms file (pbk evaluate --forms FILE), or give the subjects as JSON with a \"forms\" array each",
       "{1}：规则包“{2}”按测评表为测评项目计分，表格的一行无法带测评表；请用测评表文件给出（pbk evaluate --forms 文件），或把对象写成 JSON、每个对象带一个 \"forms\" 数组")
    case .formsInTwoPlaces:
      ("the subject gives its own rater forms, and a forms file is given too; give each subject's forms in one place",
       "该对象自带测评表，又给了测评表文件；每个对象的测评表只能在一处给出")
    case .formsNotArray:
      ("'forms' must be an array of rater forms",
       "'forms' 应为测评表的数组")
    case .validateReadsLink:
      ("  reads results of pack '{1}'{2} through the link '{3}' (into {4}); evaluate it with --linked PACK=DATA\n",
       "  通过关联“{3}”读取规则包“{1}”{2}的结果（写入 {4}）；评价时请用 --linked 规则包=数据\n")
    case .resultsPlusRejectedAndForms:
      ("{1} results in {2} + {3} rejected rows and {4} rejected forms in {5}",
       "{5} 中有 {3} 个被拒绝的行和 {4} 张被拒绝的测评表，{2} 中有 {1} 个结果")
    case .formsTakesFile:
      ("--forms takes a file; standard input is for --input",
       "--forms 须给出文件；标准输入留给 --input")
    case .previousContradiction:
      ("--previous FILE and --no-previous contradict each other; give one of them",
       "--previous 文件 与 --no-previous 互相矛盾；只给其中一个")
    case .packReadsNoPrevious:
      ("pack '{1}' reads no previous results (it has no \"previous\"); leave out --previous and --no-previous",
       "规则包“{1}”不读取上期结果（没有 \"previous\"）；请去掉 --previous 和 --no-previous")
    case .packReadsPrevious:
      ("pack '{1}' reads last period's results (\"previous\"): give the results file of that run with --previous FILE, or --no-previous when no subject has one",
       "规则包“{1}”读取上期结果（\"previous\"）：请用 --previous 文件 给出上期运行的结果文件，所有对象都没有上期结果时用 --no-previous")
    case .severityError:
      ("error",
       "错误")
    case .severityWarning:
      ("warning",
       "警告")
    case .severityNote:
      ("note",
       "提示")
    case .problemLine:
      (": {1}: {2}",
       ": {1}：{2}")
    case .problemLineAt:
      (": {1}: {2} (at {3})",
       ": {1}：{2}（位置 {3}）")
    case .didYouMean:
      ("; did you mean '{1}'?",
       "（是不是“{1}”？）")
    case .kindNull:
      ("null",
       "null（空值）")
    case .kindBool:
      ("true/false",
       "true/false（是非值）")
    case .kindNumber:
      ("a number",
       "数字")
    case .kindText:
      ("text",
       "文本")
    case .kindList:
      ("a list",
       "列表")
    case .kindObject:
      ("an object",
       "对象")
    case .listOf:
      ("{1}",
       "{1}")
    // MARK: Pack reader
    case .expectedObject:
      ("expected {1} (an object in braces {…}) here, but found {2}",
       "此处应为{1}（花括号 {…} 中的对象），实际是{2}")
    case .unknownKeyDidYouMean:
      ("unknown key '{1}' in {2}; did you mean '{3}'?",
       "{2}中有未知的键“{1}”（是不是“{3}”？）")
    case .unknownKeyAllowed:
      ("unknown key '{1}' in {2}; the keys allowed here are {3}",
       "{2}中有未知的键“{1}”；此处允许的键为 {3}")
    case .expectedList:
      ("expected {1} (a list in brackets […]) here, but found {2}",
       "此处应为{1}（方括号 […] 中的列表），实际是{2}")
    case .expectedText:
      ("expected {1} as text in double quotes here, but found {2}",
       "此处{1}应为双引号中的文本，实际是{2}")
    case .expectedBool:
      ("expected {1} as true or false here, but found {2}",
       "此处{1}应为 true 或 false，实际是{2}")
    case .expectedNumber:
      ("expected {1} as a number here, but found {2}",
       "此处{1}应为数字，实际是{2}")
    case .notANumber:
      ("'{1}' is not a number; write {2} as a number such as 100, 85.5 or \"30%\"",
       "“{1}”不是数字；请把{2}写成数字，如 100、85.5 或 \"30%\"")
    case .tooManyDecimalPlaces:
      ("'{1}' has more than 18 decimal places, more than {2} can hold exactly; round it to 18 places or fewer",
       "“{1}”的小数超过 18 位，{2}无法精确保存；请舍入到 18 位小数以内")
    case .numberTooLarge:
      ("'{1}' is too large for {2}; a number in a pack is below about 9.2 × 10¹⁸ — check it for a typing mistake",
       "“{1}”对{2}而言太大；规则包中的数须小于约 9.2 × 10¹⁸——请检查是否输错")
    case .tooManyDigits:
      ("'{1}' has too many digits to hold exactly for {2} (at most 18 significant digits); shorten it",
       "“{1}”位数太多，{2}无法精确保存（最多 18 位有效数字）；请缩短")
    case .wholeNumberFromTo:
      ("{1} must be a whole number from {2} to {3}, not {4}",
       "{1}须为 {2} 到 {3} 之间的整数，不能是 {4}")
    case .objectNeedsKey:
      ("{1} needs '{2}': {3}",
       "{1}缺少“{2}”：{3}")
    case .expectedFormula:
      ("expected a formula in double quotes for '{1}', but found {2}",
       "“{1}”应为双引号中的公式，实际是{2}")
    // MARK: PackCompiler
    case .packDeclaresTooManyNames:
      ("the pack declares more than {1} names (inputs, ballot counts, period parts, values, sections and components together); the most a pack may declare is {2} — split the scheme into several packs",
       "规则包声明的名称（输入项、票数、分期项、计算值、小项和分项合计）超过 {1} 个；一个规则包最多声明 {2} 个——请把方案拆成几个规则包")
    case .idAlreadyUsed:
      ("the id '{1}' is already used at {2}; every id in a pack must be different",
       "id“{1}”已在 {2} 使用；规则包中每个 id 都必须不同")
    case .idEmptyOrBracket:
      ("an id must not be empty or contain ']'; formulas write an id with punctuation in brackets, e.g. [村(社区)得分]",
       "id 不能为空，也不能含“]”；公式中带标点的 id 写在方括号里，如 [村(社区)得分]")
    case .idIsHostFunction:
      ("the id '{1}' is also the name of a host function in 'requires'; give them different names",
       "id“{1}”与“requires”中的宿主函数同名；请改用不同的名称")
    case .divisionByAlwaysZero:
      ("division by zero: the divisor '{1}' in '{2}' is always 0, so every subject that reaches it would be rejected; divide by something that is not 0 (in {3})",
       "除数为零：“{2}”中的除数“{1}”恒为 0，凡算到这里的对象都会被拒绝；请改为不为 0 的除数（见{3}）")
    case .formulaProblemIn:
      ("{1} (in {2})",
       "{1}（在{2}中）")
    // MARK: Command line
    case .languageUnknown:
      ("pbk: --lang takes zh (中文) or en (English), not '{1}'\n",
       "pbk：--lang 的取值为 zh（中文）或 en（English），不能是“{1}”\n")
    case .usageErrorLine:
      ("pbk {1}: {2}\nrun 'pbk {3} --help' for how to use it\n",
       "pbk {1}：{2}\n用法请运行“pbk {3} --help”\n")
    case .unknownCommand:
      ("pbk: unknown command '{1}'{2}\nrun 'pbk --help' to see the commands\n",
       "pbk：没有“{1}”这个命令{2}\n运行“pbk --help”查看全部命令\n")
    case .versionLine:
      ("pbk {1} (rule-pack format version 1)\n",
       "pbk {1}（规则包格式版本 1）\n")
    case .unknownOption:
      ("unknown option '{1}'{2}",
       "没有“{1}”这个选项{2}")
    case .optionTakesNoValue:
      ("--{1} takes no value",
       "--{1} 不带取值")
    case .optionNeedsValue:
      ("--{1} needs a value",
       "--{1} 需要一个取值")
    case .optionGivenTwice:
      ("--{1} is given twice",
       "--{1} 给了两次")
    case .optionRequired:
      ("--{1} is required: {2}",
       "必须给出 --{1}：{2}")
    case .giveAPackFile:
      ("give at least one pack file",
       "请至少给出一个规则包文件")
    case .giveAPackFileOrFolder:
      ("give at least one pack file or directory",
       "请至少给出一个规则包文件或文件夹")
    case .validateFolder:
      ("{1}: error: {2} is a folder; give the pack.json file (or run pbk test {3})\n",
       "{1}: 错误：{2} 是文件夹；请给出 pack.json 文件（或运行 pbk test {3}）\n")
    case .validateFailed:
      ("✗ {1}: {2} problem\n",
       "✗ {1}：{2} 个问题\n")
    case .validateFailedPlural:
      ("✗ {1}: {2} problems\n",
       "✗ {1}：{2} 个问题\n")
    case .validatePassed:
      ("✓ {1}: {2} ({3} {4}): {5} inputs, {6} tests; full marks {7}, highest reachable {8}\n",
       "✓ {1}：{2}（{3} {4}）：{5} 个输入项，{6} 个测试；满分 {7}，最高可得 {8}\n")
    case .withoutBound:
      ("without bound (a bonus with \"cap\": \"none\")",
       "无上限（有加分项为 \"cap\": \"none\"）")
    case .callsHostFunctions:
      ("  calls host functions (provided by the program that evaluates it; its tests give their results):\n",
       "  调用宿主函数（由执行评价的程序提供；规则包的测试给出其结果）：\n")
    case .exampleValuesNote:
      ("  note: {1} example values to replace with the real document's:\n",
       "  提示：有 {1} 个示例值，须换成正式文件中的值：\n")
    case .exampleValueLine:
      ("    {1}:{2} (at {3}): {4}\n",
       "    {1}:{2}（位置 {3}）：{4}\n")
    case .minCoverageValue:
      ("--min-coverage takes a percentage from 0 to 100, e.g. --min-coverage 90, not '{1}'",
       "--min-coverage 的取值为 0 到 100 的百分数，如 --min-coverage 90，不能是“{1}”")
    case .pathDoesNotExist:
      ("'{1}' does not exist",
       "“{1}”不存在")
    case .noPackFilesFound:
      ("no pack.json or *.pack.json files found in {1}",
       "在 {1} 中没有找到 pack.json 或 *.pack.json 文件")
    case .packDidNotLoadTestsNotRun:
      ("✗ {1}: the pack did not load; its tests were not run\n",
       "✗ {1}：规则包未能载入，其测试未运行\n")
    case .packTestsHeading:
      ("{1}: {2} — {3} tests\n",
       "{1}：{2}——{3} 个测试\n")
    case .testTraceHeading:
      ("      trace:\n",
       "      计算过程：\n")
    case .packsDidNotLoad:
      ("{1} pack did not load\n",
       "{1} 个规则包未能载入\n")
    case .packsDidNotLoadPlural:
      ("{1} packs did not load\n",
       "{1} 个规则包未能载入\n")
    case .testsPassedFailed:
      ("{1} passed, {2} failed\n",
       "通过 {1} 个，未通过 {2} 个\n")
    case .coverageOfFile:
      ("coverage of {1}: {2}\n",
       "{1} 的测试覆盖：{2}\n")
    case .coverageOfPacks:
      ("coverage of {1} packs: {2}/{3} — {4}\n",
       "{1} 个规则包的测试覆盖：{2}/{3}——{4}\n")
    case .coverageBelowMinimum:
      ("✗ {1}: coverage {2} is below --min-coverage {3}%\n",
       "✗ {1}：测试覆盖 {2} 低于 --min-coverage {3}%\n")
    case .hostFunctionsNotProvided:
      ("✗ {1}: this pack calls host functions that pbk does not provide: {2}. It is checked and tested by 'pbk validate' and 'pbk test' (its test cases give the functions' results), and evaluated from a Swift program that registers them: RulePack.load(path:functions:) — see README, \"Host functions\"\n",
       "✗ {1}：该规则包调用了 pbk 不提供的宿主函数：{2}。它可以用“pbk validate”和“pbk test”检查和测试（测试用例给出函数的结果），评价则须由登记了这些函数的 Swift 程序进行：RulePack.load(path:functions:)——见 README“Host functions”一节\n")
    case .metaIsAlsoFile:
      ("--meta '{1}' is also the {2} file; give the record a file of its own",
       "--meta“{1}”同时也是 {2} 文件；请给运行记录单独一个文件")
    case .columnsValue:
      ("--columns takes {1}, not '{2}'",
       "--columns 的取值为 {1}，不能是“{2}”")
    case .evaluateProblem:
      ("pbk evaluate: {1}\n",
       "pbk evaluate：{1}\n")
    case .rejectedRecord:
      ("error: {1}\n",
       "错误：{1}\n")
    case .cannotWrite:
      ("cannot write '{1}': {2}",
       "无法写入“{1}”：{2}")
    case .resultsWithoutRecord:
      ("pbk evaluate: the results{1} are complete, but no record of what produced them was written\n",
       "pbk evaluate：结果{1}已完整写出，但生成结果的运行记录没有写成\n")
    case .inFile:
      (" in '{1}'",
       "（在“{1}”中）")
    case .countsLine:
      ("{1}\n",
       "{1}\n")
    case .countsLineWithNotes:
      ("{1} ({2})\n",
       "{1}（{2}）\n")
    case .cannotRemoveEarlierRecord:
      ("pbk evaluate: cannot remove '{1}' ({2}): it records an earlier run, not the results now in {3}; remove it\n",
       "pbk evaluate：无法删除“{1}”（{2}）：它记录的是以前的一次运行，不是现在 {3} 中的结果；请删除它\n")
    case .explainNoSubject:
      ("pbk explain: no subject '{1}' in {2}{3}{4}\n",
       "pbk explain：{2} 中没有对象“{1}”{3}{4}\n")
    case .idsThereInclude:
      (" (ids there include {1})",
       "（其中的 id 有 {1}）")
    case .coverageGapLine:
      ("  {1}:{2} (at {3}): {4}\n",
       "  {1}:{2}（位置 {3}）：{4}\n")
    case .theReportFile:
      ("the HTML file to write, e.g. --output 报告.html (- for standard output)",
       "要写的 HTML 文件，如 --output 报告.html（- 为标准输出）")
    case .keepNamesWithoutRedact:
      ("--keep-names is for a public notice (--redact), whose names are otherwise masked; a report shows them whole",
       "--keep-names 用于公示（--redact），公示中的姓名本来会被遮盖；报告中本就显示完整姓名")
    case .explanationsWithRedact:
      ("--explanations has no effect with --redact: a public notice shows no explanations",
       "--explanations 与 --redact 一起用没有作用：公示不显示计算说明")
    case .explanationsValue:
      ("--explanations takes a whole number (0 for none) or 'all', not '{1}'",
       "--explanations 的取值为整数（0 为不收录）或 'all'，不能是“{1}”")
    case .reportProblem:
      ("pbk report: {1}\n",
       "pbk report：{1}\n")
    case .reportCannotWriteStandardOutput:
      ("pbk report: cannot write the report to standard output: {1}\n",
       "pbk report：无法把报告写到标准输出：{1}\n")
    case .publicNoticeNamesKept:
      ("a public notice: names kept, no explanations",
       "公示：显示完整姓名，不含计算说明")
    case .publicNoticeNamesMasked:
      ("a public notice: names masked, no explanations",
       "公示：姓名已遮盖，不含计算说明")
    case .explanationsCount:
      ("{1} explanations",
       "{1} 个计算说明")
    case .nounReport:
      ("report",
       "报告")
    case .reportCountsLine:
      ("{1} ({2}: {3})\n",
       "{1}（{2}：{3}）\n")
    case .renderProblem:
      ("pbk render: {1}\n",
       "pbk render：{1}\n")
    case .renderGiveAPack:
      ("give the pack to render, e.g. pbk render RulePacks/dazhou/pack.json",
       "请给出要写成细则的规则包，如 pbk render RulePacks/dazhou/pack.json")
    case .renderOnePack:
      ("unexpected argument '{1}'; render one pack at a time",
       "多余的参数“{1}”；每次只能写一个规则包")
    case .renderFormatValue:
      ("--format is md or html, not '{1}'",
       "--format 的取值为 md 或 html，不能是“{1}”")
    case .diffUnexpectedArgument:
      ("unexpected argument '{1}'; give two packs: pbk diff OLD NEW --input FILE",
       "多余的参数“{1}”；请给出两个规则包：pbk diff 旧 新 --input 文件")
    case .diffGiveTwoPacks:
      ("give two packs, the old and the new: pbk diff OLD NEW --input FILE",
       "请给出新旧两个规则包：pbk diff 旧 新 --input 文件")
    case .diffInputFile:
      ("the file of subjects scored under both packs (.csv, .xlsx, .json or .jsonl, or - for standard input)",
       "用两个规则包评分的对象数据文件（.csv、.xlsx、.json 或 .jsonl，或用 - 表示标准输入）")
    case .diffFormatValue:
      ("--format is table, csv or html, not '{1}'",
       "--format 的取值为 table、csv 或 html，不能是“{1}”")
    case .diffSubjectNeedsID:
      ("--subject needs a subject's id",
       "--subject 需要一个对象的 id")
    case .diffOutputIsPack:
      ("--output '{1}' is the pack {2}; writing it would destroy the pack. Write to another file",
       "--output“{1}”就是规则包 {2}；写入会毁掉规则包。请写到另一个文件")
    case .diffCannotReadStandardInput:
      ("pbk diff: cannot read standard input: {1}\n",
       "pbk diff：无法读取标准输入：{1}\n")
    case .diffProblem:
      ("pbk diff: {1}\n",
       "pbk diff：{1}\n")
    case .diffOld:
      ("旧包 old",
       "旧包")
    case .diffNew:
      ("新包 new",
       "新包")
    case .diffSideFile:
      ("{1} ({2})",
       "{1}（{2}）")
    case .diffRejected:
      ("error ({1}): {2}\n",
       "错误（{1}）：{2}\n")
    case .diffNoSubject:
      ("pbk diff: no subject '{1}' in {2}{3}{4}\n",
       "pbk diff：{2} 中没有对象“{1}”{3}{4}\n")
    case .diffCannotWriteStandardOutput:
      ("pbk diff: cannot write to standard output: {1}\n",
       "pbk diff：无法写到标准输出：{1}\n")
    case .diffCounts:
      ("旧包 old: {1}\n新包 new: {2}\n",
       "旧包：{1}\n新包：{2}\n")
    case .diffReadingProblem:
      ("pbk diff: {1}: {2}\n",
       "pbk diff：{1}：{2}\n")
    // MARK: PBK+Evaluate
    case .packHasProblems:
      ("✗ {1}: the pack has problems; run 'pbk validate {2}' after fixing them\n",
       "✗ {1}：规则包有问题；改正后请运行“pbk validate {2}”\n")
    case .inputFormatValue:
      ("--input-format is csv, json, jsonl or xlsx, not '{1}'",
       "--input-format 的取值为 csv、json、jsonl 或 xlsx，不能是“{1}”")
    case .inputFormatOnlyStandardInput:
      ("--input-format is for standard input (--input -); a file's format comes from its extension",
       "--input-format 只用于标准输入（--input -）；文件的格式由扩展名决定")
    case .threadsValue:
      ("--threads takes a whole number from 1 to 256",
       "--threads 的取值为 1 到 256 的整数")
    case .idsValue:
      ("--ids is checked (the default) or unchecked, not '{1}'",
       "--ids 的取值为 checked（默认）或 unchecked，不能是“{1}”")
    case .maxRecordBytesValue:
      ("--max-record-bytes takes a whole number of bytes, at least 64",
       "--max-record-bytes 的取值为字节数，至少 64")
    case .encodingValue:
      ("--encoding is utf8, gb18030 (also for GBK) or utf16, not '{1}'",
       "--encoding 的取值为 utf8、gb18030（GBK 也用它）或 utf16，不能是“{1}”")
    case .headerRowValue:
      ("--header-row takes a row number, 1 or more",
       "--header-row 的取值为行号，1 或更大")
    case .unexpectedArgument:
      ("unexpected argument '{1}'",
       "多余的参数“{1}”")
    case .theRulePackFile:
      ("the rule pack file",
       "规则包文件")
    case .theSubjectsFileAnyFormat:
      ("the file of subjects (.csv, .xlsx, .json or .jsonl, or - for standard input)",
       "对象数据文件（.csv、.xlsx、.json 或 .jsonl，或用 - 表示标准输入）")
    case .formatValue:
      ("--format is table, csv, xlsx, json or jsonl, not '{1}'",
       "--format 的取值为 table、csv、xlsx、json 或 jsonl，不能是“{1}”")
    case .xlsxNeedsOutput:
      ("--format xlsx writes a workbook: give --output 结果.xlsx",
       "--format xlsx 写出的是工作簿：请给出 --output 结果.xlsx")
    case .metaAndNoMeta:
      ("--meta FILE and --no-meta contradict each other; give one of them",
       "--meta FILE 与 --no-meta 互相矛盾；请只给其中一个")
    case .metaNeedsFile:
      ("--meta takes a file name: standard output has the results",
       "--meta 的取值为文件名：标准输出上是结果")
    case .errorsIsMetaFile:
      ("--errors '{1}.meta.json' is where the record of the run goes; give the rejected rows another file",
       "--errors“{1}.meta.json”是写运行记录的位置；请把被拒绝的行写到另一个文件")
    case .packCannotBeRead:
      ("pbk evaluate: {1}: cannot read the file; check the path\n",
       "pbk evaluate：{1}：无法读取该文件；请检查路径\n")
    case .quotaLine:
      ("名额 quota: {1}\n",
       "名额 quota：{1}\n")
    case .cannotWriteStandardOutput:
      ("pbk evaluate: cannot write the results to standard output: {1}\n",
       "pbk evaluate：无法把结果写到标准输出：{1}\n")
    case .idsNotChecked:
      ("repeated ids not checked: --ids unchecked",
       "未检查重复的 id：--ids unchecked")
    case .theOutput:
      ("the output",
       "输出文件")
    case .resultsPlusRejected:
      ("{1} results in {2} + {3} rejected rows in {4}",
       "{4} 中有 {3} 个被拒绝的行，{2} 中有 {1} 个结果")
    case .theResults:
      ("the results",
       "结果")
    case .removedEarlierRecord:
      ("pbk evaluate: removed '{1}': it recorded an earlier run, not the results now in {2}\n",
       "pbk evaluate：已删除“{1}”：它记录的是以前的一次运行，不是现在 {2} 中的结果\n")
    case .theSubjectsFile:
      ("the file of subjects",
       "对象数据文件")
    case .theSubjectToExplain:
      ("the id of the subject to explain",
       "要说明的对象的 id")
    // MARK: Results and records
    case .countsSummary:
      ("{1} read: {2} assessed, {3} rejected",
       "读入 {1} 行：评价 {2} 个，拒绝 {3} 个")
    case .readAsEncoding:
      ("read as {1}",
       "按 {1} 编码读入")
    case .placeSheetRowCell:
      ("{1} [{2}]: row {3}, cell {4}: ",
       "{1} [{2}]：第 {3} 行，单元格 {4}：")
    case .placeSheetRow:
      ("{1} [{2}]: row {3}: ",
       "{1} [{2}]：第 {3} 行：")
    case .placeLineColumn:
      ("{1}: line {2}, column {3}: ",
       "{1}：第 {2} 行第 {3} 列：")
    case .placeLine:
      ("{1}: line {2}: ",
       "{1}：第 {2} 行：")
    case .placeSubject:
      ("subject '{1}': ",
       "对象“{1}”：")
    case .readAsSheet:
      ("sheet '{1}', header on row {2}",
       "工作表“{1}”，表头在第 {2} 行")
    case .fileProblem:
      ("{1}: {2}",
       "{1}：{2}")
    case .placedProblem:
      ("{1}{2}",
       "{1}{2}")
    case .placeSheetCell:
      ("{1} [{2}]: cell {3}: ",
       "{1} [{2}]：单元格 {3}：")
    case .columnProblem:
      ("column {1}: {2}",
       "第 {1} 列：{2}")
    // MARK: PackCompiler+Header
    case .packIsNotAnObject:
      ("a rule pack is a JSON object in braces {…}, but this file holds {1}",
       "规则包应是花括号 {…} 中的 JSON 对象，但该文件中是{1}")
    case .formatVersionTooNew:
      ("this pack is written in format version {1}, but this version of PartyBuildingKit reads format versions up to {2}; update PartyBuildingKit (pbk) to read it",
       "该规则包按格式版本 {1} 编写，而本版 PartyBuildingKit 只能读取版本 {2} 及以下；请升级 PartyBuildingKit（pbk）后再读取")
    case .formatVersionMissing:
      ("a rule pack needs 'formatVersion': add \"formatVersion\": 1 at the top",
       "规则包缺少“formatVersion”：请在开头加上 \"formatVersion\": 1")
    case .whatRulePack:
      ("the rule pack",
       "规则包")
    case .unknownRounding:
      ("unknown rounding '{1}'{2}; use one of {3} (halfUp is 四舍五入)",
       "未知的舍入方式“{1}”{2}；请改为 {3} 之一（halfUp 即四舍五入）")
    case .hintFullMarks:
      ("the highest total without bonuses (满分), e.g. \"fullMarks\": 100",
       "不含加分的最高总分（满分），如 \"fullMarks\": 100")
    case .hintInputs:
      ("the list of facts the pack reads for each subject",
       "规则包对每个对象读取的输入项列表")
    case .hintComponents:
      ("the list of weighted components (e.g. 日常考核 30%), at least one",
       "带权重的分项列表（如 日常考核 30%），至少一项")
    case .hintPackID:
      ("a short identifier such as \"dazhou-secretary\"",
       "简短的标识，如 \"dazhou-secretary\"")
    case .packIDCharacters:
      ("the pack id '{1}' should use lowercase letters, digits, '-', '_' and '.' only",
       "规则包 id“{1}”只应使用小写字母、数字、“-”、“_”和“.”")
    case .hintPackVersion:
      ("the pack's own version, e.g. \"1.0.0\"",
       "规则包自身的版本，如 \"1.0.0\"")
    case .hintTitle:
      ("the title a person reads, e.g. \"达州市基层党建质效考评\"",
       "给人看的标题，如 \"达州市基层党建质效考评\"")
    case .whatSourceDocument:
      ("the source document",
       "依据文件")
    case .hintSourceDocumentTitle:
      ("the title of the document the pack encodes",
       "规则包所依据文件的标题")
    case .hintSource:
      ("the document the pack encodes, e.g. \"source\": {\"document\": \"《…办法》\"}",
       "规则包所依据的文件，如 \"source\": {\"document\": \"《…办法》\"}")
    case .whatEffectiveDates:
      ("the effective dates",
       "生效日期")
    case .hintFromDate:
      ("the first day, as \"YYYY-MM-DD\"",
       "起始日期，写作 \"YYYY-MM-DD\"")
    case .notADate:
      ("'{1}' is not a date; write it as \"YYYY-MM-DD\", e.g. \"2025-01-01\"",
       "“{1}”不是日期；请写作 \"YYYY-MM-DD\"，如 \"2025-01-01\"")
    case .packEndsBeforeItStarts:
      ("the pack ends ({1}) before it starts ({2})",
       "规则包的截止日期（{1}）早于起始日期（{2}）")
    case .whatSubjectKind:
      ("a subject kind",
       "对象类别")
    case .whatInput:
      ("an input",
       "输入项")
    case .hintInputID:
      ("the name formulas use, e.g. \"daily\" or \"日常考核\"",
       "公式中使用的名称，如 \"daily\" 或 \"日常考核\"")
    case .unknownInputType:
      ("unknown input type '{1}'{2}; use one of {3}",
       "未知的输入项类型“{1}”{2}；请改为 {3} 之一")
    case .hintInputType:
      ("number, integer, boolean or choice",
       "number、integer、boolean 或 choice")
    case .integerBoundNotWhole:
      ("an integer input's '{1}' must be a whole number",
       "整数输入项的“{1}”必须是整数")
    case .minAboveMax:
      ("'min' ({1}) is greater than 'max' ({2})",
       "“min”（{1}）大于“max”（{2}）")
    case .noMinMaxForType:
      ("a {1} input has no 'min' or 'max'; remove them",
       "{1} 类型的输入项没有“min”或“max”；请删去")
    case .giveAChoice:
      ("give at least one choice",
       "请至少给出一个选项")
    case .choicesRepeat:
      ("the choices repeat a value; list each once",
       "选项中有重复的值；每个只列一次")
    case .hintChoices:
      ("the list of allowed texts, e.g. [\"一类\", \"二类\"]",
       "允许的文本列表，如 [\"一类\", \"二类\"]")
    case .choicesOnlyForChoice:
      ("only a choice input has 'choices'; set \"type\": \"choice\" or remove them",
       "只有 choice 类型的输入项才有“choices”；请设为 \"type\": \"choice\" 或删去")
    case .notApplicableHasNo:
      ("an input that is not applicable when missing has no '{1}'; remove it",
       "缺项时不适用的输入项没有“{1}”；请删去")
    case .unknownWhenMissing:
      ("unknown 'whenMissing' '{1}'{2}; write \"notApplicable\" (leave out what uses it and re-weight), or use \"required\": true or a \"default\" instead",
       "未知的“whenMissing”取值“{1}”{2}；请写 \"notApplicable\"（不计用到它的部分并重新折算权重），或改用 \"required\": true 或 \"default\"")
    case .requiredAndDefault:
      ("an input cannot be both required and have a default; remove one",
       "输入项不能既是必填又有默认值；请删去其一")
    case .theDefault:
      ("the default {1}",
       "默认值{1}")
    case .defaultKind:
      ("a default must be a number, true/false or text, not {1}",
       "默认值须为数字、true/false 或文本，不能是{1}")
    case .hintRequired:
      ("say whether it must be given (\"required\": true) or give a \"default\" for when it is not",
       "请说明是否必填（\"required\": true），或给出未填时使用的 \"default\"")
    case .optionalNeedsDefault:
      ("an optional input needs a \"default\" (the value used when it is not given); add one, or make it required",
       "选填的输入项需要 \"default\"（未填时使用的值）；请加上，或改为必填")
    case .placesOnlyForNumber:
      ("only a number input has 'places'; remove it",
       "只有 number 类型的输入项才有“places”；请删去")
    case .integerHasNoPlaces:
      ("an integer input has no decimal places; remove 'places', or make the input a \"number\"",
       "整数输入项没有小数位；请删去“places”，或把输入项改为 \"number\"")
    case .boundHasMorePlaces:
      ("'{1}' ({2}) has {3} decimal places, more than the input's 'places' ({4}); make them agree",
       "“{1}”（{2}）有 {3} 位小数，多于该输入项的“places”（{4}）；请使二者一致")
    case .whatComputedValue:
      ("a computed value",
       "计算值")
    case .hintValueID:
      ("the name other formulas use for it",
       "其他公式引用它时使用的名称")
    case .hintValueFormula:
      ("how it is computed, e.g. \"likes / voters * 100\"",
       "计算方法，如 \"likes / voters * 100\"")
    case .valuesCircular:
      ("computed values depend on each other in a circle ({1}); break the circle",
       "计算值相互依赖，形成循环（{1}）；请打破循环")
    case .whatValueNamed:
      ("value '{1}'",
       "计算值“{1}”")
    case .whatChoice:
      ("a choice",
       "选项")
    // MARK: Linked packs and previous results (lang3)
    case .whatLink:
      ("a link",
       "关联")
    case .hintLinkID:
      ("a short name for the link, e.g. \"branch\"",
       "关联的简短名称，如 \"branch\"")
    case .linkIDAlreadyUsed:
      ("the link id '{1}' is already used at {2}; give every link its own id",
       "关联 id“{1}”已在 {2} 使用；请给每个关联一个不同的 id")
    case .hintLinkPack:
      ("the id of the pack whose results are read, e.g. \"zhungeer-village\"",
       "被读取结果的规则包的 id，如 \"zhungeer-village\"")
    case .linkReadsItsOwnPack:
      ("the link '{1}' reads this pack's own results ('{2}'): a pack cannot depend on itself; link another pack, or compute the value here in 'values'",
       "关联“{1}”读取的是本规则包自己的结果（“{2}”）：规则包不能依赖自身；请关联另一个规则包，或在本包的 'values' 中计算该值")
    case .notAVersionRequirement:
      ("'{1}' is not a version requirement; write a version (\"1.2.0\": exactly it) or comparisons separated by spaces, e.g. \">=1.0.0 <2.0.0\"",
       "“{1}”不是版本要求；请写一个版本号（\"1.2.0\"：只认该版本），或以空格分隔的比较，如 \">=1.0.0 <2.0.0\"")
    case .whatLinkJoin:
      ("the join",
       "关联的对应方式（join）")
    case .hintJoinSubject:
      ("what of this pack's subject names the linked subject: \"id\", \"parent\" or an attribute name",
       "本规则包对象的哪一项指明被关联对象：\"id\"、\"parent\" 或某个属性名")
    case .hintLinkJoin:
      ("how a subject finds its linked subject, e.g. \"join\": {\"subject\": \"parent\", \"linked\": \"id\"} (the subject's parent is the linked subject's id)",
       "对象如何找到其被关联对象，如 \"join\": {\"subject\": \"parent\", \"linked\": \"id\"}（对象的上级就是被关联对象的编号）")
    case .hintLinkFields:
      ("which results fill which inputs, e.g. \"fields\": [{\"input\": \"支部星级\", \"field\": \"stars\"}]",
       "哪些结果填入哪些输入项，如 \"fields\": [{\"input\": \"支部星级\", \"field\": \"stars\"}]")
    case .linkReadsNoField:
      ("the link '{1}' reads no field; name at least one, e.g. {\"input\": \"支部星级\", \"field\": \"stars\"}",
       "关联“{1}”没有读取任何结果；请至少写一项，如 {\"input\": \"支部星级\", \"field\": \"stars\"}")
    case .linkMixesAggregates:
      ("the link '{1}' mixes fields with and without 'aggregate': a link reads either one linked subject (no aggregate) or all the subjects it joins (every field aggregated); split it into two links",
       "关联“{1}”的结果项有的带 'aggregate'，有的不带：一个关联要么只读一个被关联对象（都不带 aggregate），要么读它对应的全部对象（每项都带 aggregate）；请拆成两个关联")
    case .whatLinkField:
      ("a linked field",
       "关联结果项")
    case .hintLinkFieldInput:
      ("the id of the input (declared in 'inputs') the value fills",
       "该值填入的输入项的 id（在 'inputs' 中声明）")
    case .linkInputNotDeclared:
      ("'{1}' is not an input of this pack{2}; declare it in 'inputs' (its type and range are checked as any input's) and name it here",
       "“{1}”不是本规则包的输入项{2}；请在 'inputs' 中声明它（其类型和范围同其他输入项一样受检查），再在此处引用")
    case .linkInputFilledTwice:
      ("the input '{1}' is already filled by the link field at {2}; an input is filled from one place",
       "输入项“{1}”已由 {2} 处的关联结果项填入；一个输入项只能有一个来源")
    case .hintLinkLabelName:
      ("the id of the cohort label read, e.g. \"后进\"",
       "所读取的群体标注的 id，如 \"后进\"")
    case .hintLinkOutcomeName:
      ("the id of the outcome read, e.g. \"后进\"",
       "所读取的结果项的 id，如 \"后进\"")
    case .unknownLinkField:
      ("unknown field '{1}'{2}; use total, grade, stars, label (with \"name\") or outcome (with \"name\")",
       "未知的结果“{1}”{2}；请改为 total、grade、stars、label（须带 \"name\"）或 outcome（须带 \"name\"）")
    case .hintLinkFieldField:
      ("the result read: total, grade, stars, label or outcome (only \"aggregate\": \"count\" may leave it out)",
       "读取的结果：total、grade、stars、label 或 outcome（只有 \"aggregate\": \"count\" 可以不写）")
    case .linkNameOnlyLabelOutcome:
      ("'name' goes with the fields label and outcome only; remove it",
       "'name' 只用于 label 和 outcome 两种结果；请删去")
    case .linkGradesMisplaced:
      ("'grades' picks the subjects counted by \"aggregate\": \"count\" or \"share\" of the field grade; remove it or use it there",
       "'grades' 用于在读取等次（grade）且 \"aggregate\" 为 \"count\" 或 \"share\" 时选出计数的对象；请删去，或用在那里")
    case .linkAtLeastMisplaced:
      ("'atLeast' picks the subjects counted by \"aggregate\": \"count\" or \"share\" of total, stars or an outcome; remove it or use it there",
       "'atLeast' 用于在读取总分、星级或结果项且 \"aggregate\" 为 \"count\" 或 \"share\" 时选出计数的对象；请删去，或用在那里")
    case .hintLinkGrades:
      ("the grades counted, e.g. \"grades\": [\"优秀\"]",
       "计数的等次，如 \"grades\": [\"优秀\"]")
    case .hintLinkAtLeast:
      ("the least value counted, e.g. \"atLeast\": 5 (五星)",
       "计数的最低值，如 \"atLeast\": 5（五星）")
    case .linkReadsCount:
      ("a count: an integer input",
       "个数，须为整数输入项")
    case .linkReadsShare:
      ("a share between 0 and 1: a number input",
       "0 到 1 之间的比例，须为数值输入项")
    case .linkReadsNumber:
      ("a number input",
       "数值，须为数值输入项")
    case .linkReadsInteger:
      ("an integer input",
       "星级，须为整数输入项")
    case .linkReadsGrade:
      ("a choice input whose choices are the linked pack's grades",
       "等次，须为选择输入项，其选项为被关联规则包的各等次")
    case .linkReadsLabel:
      ("a boolean input (是/否)",
       "是否带有标注，须为是/否输入项")
    case .linkAggregateNeedsNumber:
      ("'{1}' needs a number (total, stars or an outcome); count grades or labels with \"count\" or \"share\"",
       "“{1}”需要数值（总分、星级或结果项）；等次或标注请用 \"count\" 或 \"share\" 计数")
    case .linkInputWrongType:
      ("the input '{1}' is {2}, but the value read is {3}; change the input's type",
       "输入项“{1}”的类型是 {2}，而读取的值是{3}；请修改该输入项的类型")
    case .linkPacksGiven:
      (" (given: {1})",
       "（已给出：{1}）")
    case .linkedPackNotGiven:
      ("the link '{1}' reads pack '{2}', which is not given{3}{4}; give its pack and data (pbk evaluate --linked PACK=DATA), or correct the id",
       "关联“{1}”读取规则包“{2}”，但没有给出该规则包{3}{4}；请给出它及其数据（pbk evaluate --linked PACK=DATA），或改正 id")
    case .linkedPackGivenTimes:
      ("the link '{1}' reads pack '{2}', and its results are given {3} times (versions {4}); give one",
       "关联“{1}”读取规则包“{2}”，而它的结果给出了 {3} 份（版本 {4}）；请只给一份")
    case .linkVersionNotMet:
      ("the link '{1}' requires pack '{2}' version {3}, but version {4} is given; give results of a version that meets it, or change the requirement",
       "关联“{1}”要求规则包“{2}”的版本为 {3}，而给出的是版本 {4}；请给出符合要求的版本的结果，或修改版本要求")
    case .linkedPackNoGrades:
      ("pack '{1}' gives no grades, so the link '{2}' cannot read one",
       "规则包“{1}”不评定等次，关联“{2}”无法读取等次")
    case .linkGradeNotAChoice:
      ("the input '{1}' reads the grade of pack '{2}', whose grades are {3}; add {4} to its choices",
       "输入项“{1}”读取规则包“{2}”的等次，该规则包的等次为 {3}；请把 {4} 加入该输入项的选项")
    case .linkNotAGrade:
      ("'{1}' is not a grade of pack '{2}'{3}; its grades are {4}",
       "“{1}”不是规则包“{2}”的等次{3}；它的等次为 {4}")
    case .linkedPackNoStars:
      ("pack '{1}' rates no stars, so the link '{2}' cannot read them",
       "规则包“{1}”不评定星级，关联“{2}”无法读取星级")
    case .linkNotALabel:
      ("'{1}' is not a cohort label of pack '{2}'{3}; its labels are {4}",
       "“{1}”不是规则包“{2}”的群体标注{3}；它的标注为 {4}")
    case .linkNotAnOutcome:
      ("'{1}' is not an outcome of pack '{2}'{3}; its outcomes are {4}",
       "“{1}”不是规则包“{2}”的结果项{3}；它的结果项为 {4}")
    case .linkInputGivenLeaveOut:
      ("{1}({2}) is given, but it is read from pack '{3}' through the link '{4}'; leave it out",
       "{1}({2}) 已给出，但它应通过关联“{4}”从规则包“{3}”读取；请不要给出")
    case .linkWhat:
      ("the link '{1}' ({2}) to pack '{3}'",
       "通往规则包“{3}”的关联“{1}”（{2}）")
    case .linkSubjectHasNoKey:
      ("the subject has no {1}, which {2} joins on; give it ({3})",
       "对象没有 {1}，而{2}按它对应；请给出（{3}）")
    case .linkColumnID:
      ("the id column",
       "编号（id）列")
    case .linkColumnParent:
      ("a parent column (上级), or \"parent\" in JSON",
       "上级（parent）列，JSON 中为 \"parent\"")
    case .linkColumnAttribute:
      ("a #{1} column, or \"attributes\": {\"{1}\": …} in JSON",
       "#{1} 列，JSON 中为 \"attributes\": {\"{1}\": …}")
    case .linkedSubjectRejected:
      ("the linked subject '{1}' of pack '{2}' was rejected ({3}); correct it there first",
       "规则包“{2}”的被关联对象“{1}”已被拒绝（{3}）；请先在那里改正")
    case .linkRejectedUnknownKeys:
      ("pack '{1}' rejected {2} record(s) ({3}) whose {4} could not be read, and {5} joins on it: correct them first, so that no linked subject is left out",
       "规则包“{1}”拒绝了 {2} 条记录（{3}），读不出它们的 {4}，而{5}按它对应：请先改正这些记录，以免漏掉被关联对象")
    case .linkedSubjectRejectedByKey:
      ("the linked subject '{1}' of pack '{2}' ({3} '{4}') was rejected ({5}); correct it there first, so that it is not left out",
       "规则包“{2}”的被关联对象“{1}”（{3} 为“{4}”）已被拒绝（{5}）；请先在那里改正，以免漏掉它")
    case .linkFindsNothing:
      ("no subject of pack '{1}' has {2} '{3}' (this subject's {4}), so {5} finds nothing; check the id, or add the subject to the linked data",
       "规则包“{1}”中没有 {2} 为“{3}”（本对象的 {4}）的对象，因此{5}找不到对象；请核对编号，或把该对象加入被关联的数据")
    case .linkAmbiguous:
      ("{1} subjects of pack '{2}' have {3} '{4}' ({5}), so {6} is ambiguous: it must find exactly one; make the key unique, or aggregate over them (\"aggregate\")",
       "规则包“{2}”中有 {1} 个对象的 {3} 为“{4}”（{5}），因此{6}无法确定对应哪一个：它必须恰好找到一个；请使对应的键唯一，或对它们汇总（\"aggregate\"）")
    case .linkedResultsNotGiven:
      ("pack '{1}' reads the results of {2} (links), which were not given; score with them: pbk evaluate --linked PACK=DATA, or BatchEvaluator(pack:linked:)",
       "规则包“{1}”要读取 {2} 的结果（links），但没有给出这些结果；请连同它们一起评分：pbk evaluate --linked PACK=DATA，或 BatchEvaluator(pack:linked:)")
    case .linkedHasNoGrade:
      ("no grade (不定等次 or void)",
       "没有等次（不定等次或无效）")
    case .linkedHasNoStars:
      ("no star level",
       "没有星级")
    case .linkedHasNoOutcome:
      ("no outcome '{1}'",
       "没有结果项“{1}”")
    case .linkedHasNoTotal:
      ("no total (its result is void)",
       "没有总分（其结果无效）")
    case .linkedSubjectLacks:
      ("the linked subject '{1}' of pack '{2}' has {3}, which {4}({5}) reads through the link '{6}'",
       "规则包“{2}”的被关联对象“{1}”{3}，而 {4}({5}) 要通过关联“{6}”读取它")
    case .linkShareNotExact:
      ("the share of {1} in {2} cannot be computed exactly",
       "{2} 个中 {1} 个所占的比例无法精确计算")
    case .linkAggregateNotExact:
      ("the {1} of {2} values cannot be computed exactly ({3})",
       "{2} 个值的 {1} 无法精确计算（{3}）")
    case .linkInputGivenInData:
      ("{1}({2}) is given in the data, but it is read from pack '{3}' through the link '{4}'; remove it from the data",
       "{1}({2}) 在数据中给出了，但它应通过关联“{4}”从规则包“{3}”读取；请从数据中删去")
    case .linkedValueProblem:
      ("{1} (read from {2} of pack '{3}' through the link '{4}')",
       "{1}（通过关联“{4}”读自规则包“{3}”的 {2}）")
    case .linkPackNotInLibrary:
      ("the link '{1}' reads pack '{2}', which is not in the library{3}; add it, or correct the id",
       "关联“{1}”读取规则包“{2}”，但规则包库中没有它{3}；请加入该规则包，或改正 id")
    case .linkLibraryVersionNotMet:
      ("the link '{1}' requires pack '{2}' version {3}, and the library has {4}; add a version that meets it, or change the requirement",
       "关联“{1}”要求规则包“{2}”的版本为 {3}，而规则包库中只有 {4}；请加入符合要求的版本，或修改版本要求")
    case .linkedPackGivenTwice:
      ("pack '{1}' is given twice ({2} and {3}); give one version of each linked pack",
       "规则包“{1}”给出了两次（{2} 和 {3}）；每个被关联的规则包请只给一个版本")
    case .linkCycle:
      ("the links form a cycle: {1} (link '{2}', /links/{3}); a pack cannot read its own results, directly or through other packs: remove one of the links",
       "关联形成了循环：{1}（关联“{2}”，/links/{3}）；规则包不能直接或经由其他规则包读取自己的结果：请删去其中一个关联")
    case .whatPrevious:
      ("the previous results",
       "上期结果（previous）")
    case .previousFromNotAnID:
      ("'from' names a pack by its id (lowercase letters, digits, '-', '_' and '.'), not '{1}'",
       "“from”应写规则包的 id（小写字母、数字、“-”、“_”和“.”），而不是“{1}”")
    case .hintPreviousFields:
      ("the values read from the earlier results, e.g. [{\"id\": \"上年星级\", \"field\": \"stars\", \"whenMissing\": 0}]",
       "从上期结果中读取的值，如 [{\"id\": \"上年星级\", \"field\": \"stars\", \"whenMissing\": 0}]")
    case .previousListAField:
      ("list at least one field, e.g. {\"id\": \"上年星级\", \"field\": \"stars\", \"whenMissing\": 0}",
       "请至少列出一项，如 {\"id\": \"上年星级\", \"field\": \"stars\", \"whenMissing\": 0}")
    case .whatPreviousField:
      ("a previous field",
       "上期结果项")
    case .hintPreviousFieldID:
      ("the name formulas use, e.g. \"上年星级\"",
       "公式中使用的名称，如 \"上年星级\"")
    case .hintPreviousFieldField:
      ("what of the earlier result it reads: total (总分), grade (等次), stars (星级), period (考核期) or vetoed (一票否决)",
       "读取上期结果的哪一项：total（总分）、grade（等次）、stars（星级）、period（考核期）或 vetoed（一票否决）")
    case .unknownPreviousField:
      ("unknown field '{1}'{2}; use one of {3}",
       "未知的结果项“{1}”{2}；请改为 {3} 之一")
    case .previousFieldHasNoBound:
      ("a '{1}' field has no '{2}'; remove it",
       "“{1}”结果项没有“{2}”；请删去")
    case .previousFieldBoundWhole:
      ("a '{1}' field's '{2}' is a whole number",
       "“{1}”结果项的“{2}”应为整数")
    case .previousChoicesOnlyGrade:
      ("only a 'grade' field has 'choices'; remove them",
       "只有“grade”结果项才有“choices”；请删去")
    case .previousNoStarsHere:
      ("this pack rates no stars ('stars'), so its results have none to read; name the pack that rates them in 'from' and give 'max', the most stars it gives",
       "本规则包不评定星级（“stars”），其结果中没有星级可读；请在“from”中写明评定星级的规则包，并给出“max”，即它最多评几星")
    case .hintPreviousMaxStars:
      ("the most stars pack '{1}' gives, e.g. 5",
       "规则包“{1}”最多评几星，如 5")
    case .previousListGrades:
      ("list the grades of pack '{1}', best first",
       "请列出规则包“{1}”的等次，由高到低")
    case .previousChoicesRepeat:
      ("the choices repeat a grade; list each once",
       "选项中有重复的等次；每个等次请只列一次")
    case .previousNoGradesHere:
      ("this pack gives no grades ('grades'), so its results have none to read; name the pack that gives them in 'from' and list them in 'choices'",
       "本规则包不评定等次（“grades”），其结果中没有等次可读；请在“from”中写明评定等次的规则包，并在“choices”中列出其等次")
    case .hintPreviousChoices:
      ("the grades of pack '{1}', best first, e.g. [\"优秀\", \"合格\", \"不合格\"]",
       "规则包“{1}”的等次，由高到低，如 [\"优秀\", \"合格\", \"不合格\"]")
    case .previousWhenMissingInvalid:
      ("'whenMissing' {1}; give a value the field allows, or \"reject\"",
       "“whenMissing”{1}；请给出该结果项允许的值，或 \"reject\"")
    case .previousWhenMissingKind:
      ("'whenMissing' is the value a subject without a previous result gets (a number, true/false or text), or \"reject\"; not {1}",
       "“whenMissing”是没有上期结果的对象所取的值（数字、true/false 或文本），或 \"reject\"；不能是{1}")
    case .hintPreviousWhenMissing:
      ("what a subject without a previous result gets: a value such as 0, or \"reject\" to reject the subject",
       "没有上期结果的对象取什么值：如 0，或写 \"reject\" 拒绝该对象")
    case .testPreviousNotRead:
      ("'previous' gives the subject's result of the previous period; the pack reads none (add \"previous\" to the pack)",
       "“previous”给出对象的上期结果，但本规则包不读取上期结果（请在规则包中加上 \"previous\"）")
    case .testPreviousInCohort:
      ("'previous' is given for a case of one subject; a cohort case's subjects are scored without previous results",
       "“previous”只用于单个对象的测试用例；群体测试用例的对象评分时不读上期结果")
    case .whatTestPrevious:
      ("the test's previous result",
       "测试用例的上期结果")
    case .testPreviousValueKind:
      ("a previous value is a number, true/false or text, not {1}",
       "上期结果的值应为数字、true/false 或文本，不能是{1}")
    case .previousAtLine:
      ("line {1}: ",
       "第 {1} 行：")
    case .previousFirstAtLine:
      (" (first at line {1})",
       "（首次出现在第 {1} 行）")
    case .previousIDAgain:
      ("{1}: {2}the id '{3}' appears again{4}; results give each subject once — is this a results file pbk wrote?",
       "{1}：{2}编号“{3}”再次出现{4}；结果中每个对象只出现一次——这是 pbk 写出的结果文件吗？")
    case .previousCannotRead:
      ("{1}: cannot read the previous results: {2}; check the path",
       "{1}：无法读取上期结果：{2}；请检查路径")
    case .previousCannotReadRecord:
      ("{1}: cannot read the record of the previous results: {2}",
       "{1}：无法读取上期结果的运行记录：{2}")
    case .previousRecordNotJSON:
      ("{1}: line {2}: {3}; a record pbk wrote is JSON",
       "{1}：第 {2} 行：{3}；pbk 写出的运行记录是 JSON")
    case .previousNotARecord:
      ("{1}: this is not a record pbk wrote (no \"pack\"); remove it, or give the record of these results",
       "{1}：这不是 pbk 写出的运行记录（没有 \"pack\"）；请删去它，或给出这些结果的运行记录")
    case .previousFileChanged:
      ("{1}: the file has changed since the run recorded in {2} wrote it (its SHA-256 is {3}, the record says {4}); give the results as written, or remove the record to use the file as it is",
       "{1}：该文件在 {2} 所记录的运行写出之后已被改动（其 SHA-256 为 {3}，记录中为 {4}）；请给出原样写出的结果，或删去运行记录以按现状使用该文件")
    case .previousNotUTF8:
      ("{1}: the previous results are not UTF-8 text; give the file pbk wrote, or save it as 'CSV UTF-8 (逗号分隔)'",
       "{1}：上期结果不是 UTF-8 文本；请给出 pbk 写出的文件，或另存为“CSV UTF-8 (逗号分隔)”")
    case .previousEmpty:
      ("{1}: the previous results are empty; give the results file pbk wrote",
       "{1}：上期结果是空的；请给出 pbk 写出的结果文件")
    case .previousPlaceRow:
      ("{1}: row {2}: ",
       "{1}：第 {2} 行：")
    case .previousNoIDColumn:
      ("no 编号 (id) column; the previous results are the file pbk evaluate wrote, with a row per subject",
       "没有编号（id）列；上期结果应是 pbk evaluate 写出的文件，每个对象一行")
    case .previousRowHasNoID:
      ("the row has no id (编号)",
       "该行没有编号（id）")
    case .previousNoSheetWithID:
      ("{1}: no sheet has a 编号 (id) column; give the results workbook pbk wrote",
       "{1}：没有哪个工作表有编号（id）列；请给出 pbk 写出的结果工作簿")
    case .previousExpectedList:
      ("{1}: expected a list [ … ] of results, found {2}",
       "{1}：应为结果的列表 [ … ]，实际是{2}")
    case .previousExpectedObject:
      ("expected a result object {…}, found {1}",
       "应为结果对象 {…}，实际是{1}")
    case .previousNoSubjectID:
      ("the result has no subject id (\"subject\": {\"id\": …})",
       "该结果没有对象编号（\"subject\": {\"id\": …}）")
    case .previousNotRead:
      ("{1}: pack '{2}' reads no previous results (it has no \"previous\"); leave them out",
       "{1}：规则包“{2}”不读取上期结果（它没有 \"previous\"）；请不要给出")
    case .previousPackWithStars:
      ("stars",
       "评定星级的规则包")
    case .previousPackWithGrades:
      ("grades",
       "评定等次的规则包")
    case .previousPackWithColumn:
      ("that column",
       "有该列的规则包")
    case .previousNoColumn:
      ("{1}: no column {2} in the previous results, and the previous field {3}({4}) reads it; give results that have it (the results of a pack with {5})",
       "{1}：上期结果中没有 {2} 列，而上期结果项 {3}({4}) 要读取它；请给出有该列的结果（{5}的结果）")
    case .previousAccordingTo:
      (" (according to {1})",
       "（据 {1}）")
    case .previousOtherPack:
      ("{1}: these results were written by pack '{2}'{3}{4}, but pack '{5}' reads the results of '{6}'; give the results of '{6}', or read other packs' results too (\"allowOtherPacks\": true in \"previous\")",
       "{1}：这些结果由规则包“{2}”{3}{4}写出，而规则包“{5}”读取的是“{6}”的结果；请给出“{6}”的结果，或允许读取其他规则包的结果（在 \"previous\" 中写 \"allowOtherPacks\": true）")
    case .previousLineComma:
      (" line {1},",
       "第 {1} 行，")
    case .previousValueProblem:
      ("{1}({2}) {3} — last period's {4} in the previous results ({5},{6} column {4})",
       "{1}({2}) {3}——上期结果中的上期{4}（{5}，{6}“{4}”列）")
    case .previousNoneForSubject:
      ("{1}({2}): {3} has no previous result for this subject, and the pack rejects a subject without one (\"whenMissing\": \"reject\")",
       "{1}({2})：{3} 中没有该对象的上期结果，而规则包拒绝没有上期结果的对象（\"whenMissing\": \"reject\"）")
    case .previousCommaLine:
      (", line {1}",
       "，第 {1} 行")
    case .previousGivenTwice:
      ("{1}({2}) is given by the subject's own data and by the previous results ({3}{4}); give it in one place",
       "{1}({2}) 既由对象自己的数据给出，又由上期结果给出（{3}{4}）；请只在一处给出")
    case .previousGivesNo:
      ("{1}({2}): the previous result ({3}{4}) gives no {5}, and the pack rejects a subject without one (\"whenMissing\": \"reject\")",
       "{1}({2})：上期结果（{3}{4}）中没有{5}，而规则包拒绝缺少它的对象（\"whenMissing\": \"reject\"）")
    case .previousResultNotGiven:
      ("{1}({2}) is last period's result, and none is given for this subject; the pack rejects a subject without one (\"whenMissing\": \"reject\"): give the previous results (pbk evaluate --previous FILE), or the value",
       "{1}({2}) 是上期结果，而该对象没有给出；规则包拒绝没有上期结果的对象（\"whenMissing\": \"reject\"）：请给出上期结果（pbk evaluate --previous FILE），或直接给出该值")
    case .linkedOptionWithoutLinks:
      ("pbk {1}: pack '{2}' reads no other pack's results (it has no \"links\"); remove --linked\n",
       "pbk {1}：规则包“{2}”不读取其他规则包的结果（它没有 \"links\"）；请去掉 --linked\n")
    case .linkedLibraryHasProblems:
      ("pbk {1}: the library {2} has problems\n",
       "pbk {1}：规则包库 {2} 有问题\n")
    case .linkedOptionForm:
      ("pbk {1}: --linked takes PACK=DATA (a pack file or id, '=', its data file), not '{2}'\n",
       "pbk {1}：--linked 应写作 PACK=DATA（规则包文件或 id、“=”、其数据文件），而不是“{2}”\n")
    case .linkedPackCannotBeRead:
      ("pbk {1}: {2}: cannot read the file; check the path\n",
       "pbk {1}：{2}：无法读取该文件；请检查路径\n")
    case .linkedPackIDNeedsLibrary:
      ("pbk {1}: --linked {2}: '{3}' is a pack id; give --library FOLDER to find it, or the pack's file\n",
       "pbk {1}：--linked {2}：“{3}”是规则包 id；请用 --library FOLDER 给出查找它的规则包库，或给出该规则包的文件\n")
    case .linkedLibraryHasNoPack:
      ("pbk {1}: --linked {2}: the library has no pack '{3}'\n",
       "pbk {1}：--linked {2}：规则包库中没有规则包“{3}”\n")
    case .linkedOptionGivesPackTwice:
      ("pbk {1}: --linked gives pack '{2}' twice; give each linked pack once\n",
       "pbk {1}：--linked 两次给出了规则包“{2}”；每个被关联的规则包请只给一次\n")
    case .linkedCommandProblem:
      ("pbk {1}: {2}\n",
       "pbk {1}：{2}\n")
    case .linkedPacksHaveProblems:
      ("pbk {1}: the packs' links have problems; give each linked pack with --linked PACK=DATA\n",
       "pbk {1}：规则包之间的关联有问题；请用 --linked PACK=DATA 给出每个被关联的规则包\n")
    case .linkedPackNeedsData:
      ("pbk {1}: pack '{2}' {3} is read through a link: give its data with --linked {2}=DATA\n",
       "pbk {1}：规则包“{2}” {3} 通过关联被读取：请用 --linked {2}=DATA 给出它的数据\n")
    case .linkedCountsLine:
      ("{1} ({2} {3}, linked): {4}\n",
       "{1}（{2} {3}，被关联）：{4}\n")
    // MARK: InputCoercion
    case .inputRequiredNotGiven:
      ("{1}({2}) is required but not given; add it to the input",
       "{1}({2}) 是必填项，但没有给出；请在输入中加上")
    case .notAnInputOfPack:
      ("'{1}' is not an input of pack '{2}'{3}; remove it or correct its name",
       "“{1}”不是规则包“{2}”的输入项{3}；请删去或改正名称")
    case .valueNotANumber:
      ("is '{1}', which is not a number; write digits such as 85.5 (no units, no thousands separators)",
       "为“{1}”，不是数字；请填写数字，如 85.5（不带单位，不用千位分隔符）")
    case .valueYesNoNotNumber:
      ("is a yes/no value, but a number is expected",
       "是一个是/否值，但这里应为数字")
    case .valueNotWhole:
      ("is {1}, but a whole number is expected",
       "为 {1}，但这里应为整数")
    case .valueBelowMinimum:
      ("is {1}, below the least allowed, {2}",
       "为 {1}，低于允许的最小值 {2}")
    case .valueAboveMaximum:
      ("is {1}, above the most allowed, {2}",
       "为 {1}，高于允许的最大值 {2}")
    case .valueTextNotYesNo:
      ("is '{1}', but 是/否 (or true/false, 1/0) is expected",
       "为“{1}”，但这里应为 是/否（或 true/false、1/0）")
    case .valueNotYesNo:
      ("is {1}, but 是/否 (or true/false, 1/0) is expected",
       "为 {1}，但这里应为 是/否（或 true/false、1/0）")
    case .valueYesNoNotChoice:
      ("is a yes/no value, but one of {1} is expected",
       "是一个是/否值，但这里应为 {1} 之一")
    case .valueNotAChoice:
      ("is '{1}', which is not one of the choices {2}{3}",
       "为“{1}”，不在选项 {2} 之中{3}")
    case .inputProblem:
      ("{1}({2}) {3}",
       "{1}({2}) {3}")
    case .idAppearsAgain:
      ("the id appears again; give each subject once",
       "该 id 重复出现；每个对象只能给出一次")
    case .idAppearsAgainAtLine:
      ("the id appears again (first at line {1}); give each subject once",
       "该 id 重复出现（首次出现在第 {1} 行）；每个对象只能给出一次")
    case .valueHasMorePlace:
      ("is {1}, with {2} decimal places, but at most {3} is declared ('places': {4}); give it rounded as the document rounds it, or correct the input's 'places'",
       "为 {1}，有 {2} 位小数，但声明的最多为 {3} 位（'places': {4}）；请按文件的舍入方式舍入后填写，或改正该输入项的“places”")
    case .valueHasMorePlaces:
      ("is {1}, with {2} decimal places, but at most {3} are declared ('places': {4}); give it rounded as the document rounds it, or correct the input's 'places'",
       "为 {1}，有 {2} 位小数，但声明的最多为 {3} 位（'places': {4}）；请按文件的舍入方式舍入后填写，或改正该输入项的“places”")
    // MARK: LaneInput
    case .cannotReadFile:
      ("{1}: cannot read the file: {2}; check the path",
       "{1}：无法读取该文件：{2}；请检查路径")
    case .inputIsFolder:
      ("{1}: is a folder, not a file; give the data file",
       "{1}：这是文件夹，不是文件；请给出数据文件")
    case .cannotMakeUTF8Copy:
      ("{1}: cannot make a temporary UTF-8 copy: {2}",
       "{1}：无法生成临时的 UTF-8 副本：{2}")
    case .cannotRead:
      ("{1}: cannot read: {2}",
       "{1}：无法读取：{2}")
    case .cannotMakeCopyToReadTwice:
      ("{1}: cannot make a temporary copy to read twice: {2}",
       "{1}：无法生成供读两遍的临时副本：{2}")
    case .noSuchFile:
      ("no such file",
       "没有这个文件")
    case .permissionDenied:
      ("permission denied",
       "没有权限")
    case .itIsAFolder:
      ("it is a folder, not a file",
       "它是文件夹，不是文件")
    // MARK: BatchLane
    case .zipNotCSVNameXLSX:
      ("{1}: this is a ZIP archive (an Excel .xlsx workbook?), not CSV text; name it .xlsx to read its first sheet, or save the sheet as 'CSV UTF-8 (逗号分隔)'",
       "{1}：这是 ZIP 压缩包（Excel 的 .xlsx 工作簿？），不是 CSV 文本；请把文件名改为 .xlsx 以读取第一个工作表，或把工作表另存为“CSV UTF-8 (逗号分隔)”")
    case .headerRowEmpty:
      ("{1} [{2}]: row {3} is empty; give the row that names the columns with --header-row",
       "{1} [{2}]：第 {3} 行是空行；请用 --header-row 给出写列名的那一行")
    case .headerRowTooLong:
      ("{1}: line {2}: the header row is longer than {3} bytes; is this a CSV file?",
       "{1}：第 {2} 行：表头行超过 {3} 字节；这是 CSV 文件吗？")
    case .fileIsUTF16:
      ("{1}: the file is UTF-16 text (Excel's 'Unicode 文本'), not UTF-8; save it as 'CSV UTF-8 (逗号分隔)' and try again",
       "{1}：该文件是 UTF-16 文本（Excel 的“Unicode 文本”），不是 UTF-8；请另存为“CSV UTF-8 (逗号分隔)”后重试")
    case .zipNotCSV:
      ("{1}: this is a ZIP archive (an Excel .xlsx workbook?), not CSV text; save the sheet as 'CSV UTF-8 (逗号分隔)'",
       "{1}：这是 ZIP 压缩包（Excel 的 .xlsx 工作簿？），不是 CSV 文本；请把工作表另存为“CSV UTF-8 (逗号分隔)”")
    case .fileIsEmpty:
      ("{1}: the file is empty; the first row must name the columns (id, then the inputs)",
       "{1}：文件是空的；第一行须写列名（id，然后是各输入项）")
    case .headerRowMalformed:
      ("{1}: line {2}, column {3}: the header row is malformed: {4}",
       "{1}：第 {2} 行第 {3} 列：表头行格式有误：{4}")
    case .expectedListOfSubjects:
      ("{1}: expected a list [ … ] of subjects, but the file holds {2}; for an object per line name the file .jsonl",
       "{1}：应为由对象组成的列表 [ … ]，但文件中是{2}；每行一个对象的文件请以 .jsonl 命名")
    case .inputChangedWhileRead:
      ("{1}: the input changed while it was read; run again on a file that stays as it is",
       "{1}：读取过程中输入发生了变化；请对内容不再变动的文件重新运行")
    // MARK: ColumnBinding
    case .columnRepeats:
      ("the column '{1}' repeats column {2}; name each column once",
       "列“{1}”与第 {2} 列重复；每列只命名一次")
    case .columnNotAnInput:
      ("the column '{1}' is not an input of the scheme{2}; rename it, or start its header with # to carry it through unread",
       "列“{1}”不是本方案的输入项{2}；请改名，或在列名前加 # 使其原样带出、不读取")
    case .theInputNamed:
      ("the input {1}({2})",
       "输入项 {1}({2})")
    case .theSubjectField:
      ("the subject's {1}",
       "对象的 {1}")
    case .columnsBothGive:
      ("columns {1} ('{2}') and {3} ('{4}') both give {5}; keep one of them, or start the other's header with # to carry it through unread",
       "第 {1} 列（“{2}”）和第 {3} 列（“{4}”）都给出了{5}；请保留其一，或在另一列的列名前加 # 使其原样带出、不读取")
    case .noIDColumn:
      ("no 'id' (编号) column; add one naming each subject",
       "没有“id”（编号）列；请加一列，写明每个对象的编号")
    // MARK: CSVTokenizer
    case .quoteInsideCell:
      ("a quote inside a cell that does not start with one; wrap the cell in double quotes and double the inner quote (\"\")",
       "单元格中间出现了引号，而单元格不以引号开头；请把整个单元格放在双引号中，并把其中的引号写两遍（\"\"）")
    case .textAfterClosingQuote:
      ("text follows the closing quote of a quoted cell; put the whole cell in double quotes and double every quote inside it (\"\")",
       "带引号的单元格在结束引号后还有文字；请把整个单元格放在双引号中，并把其中每个引号写两遍（\"\"）")
    case .quoteNeverClosed:
      ("the quoted cell that opens on line {1} is never closed; add the closing double quote (the file may be truncated). The rest of line {2} is skipped and reading goes on with the next line",
       "第 {1} 行开始的带引号单元格没有结束；请补上结束的双引号（文件可能不完整）。第 {2} 行的其余部分已跳过，从下一行继续读取")
    case .recordTooLong:
      ("the record is longer than {1} bytes, probably because a quote opened on line {2} is never closed; close it (or raise --max-record-bytes). The rest of line {3} is skipped and reading goes on with the next line",
       "该记录超过 {1} 字节，可能是第 {2} 行开始的引号没有结束；请补上（或调大 --max-record-bytes）。第 {3} 行的其余部分已跳过，从下一行继续读取")
    // MARK: InputEncoding
    case .oldXLS:
      ("this is an old Excel workbook (.xls), which pbk does not read; in Excel or WPS choose 文件 → 另存为 → Excel 工作簿 (*.xlsx) or CSV UTF-8 (逗号分隔), and give that file",
       "这是旧版 Excel 工作簿（.xls），pbk 不能读取；请在 Excel 或 WPS 中选择 文件 → 另存为 → Excel 工作簿 (*.xlsx) 或 CSV UTF-8 (逗号分隔)，再给出该文件")
    case .neitherUTF8NorGB18030:
      ("the file is neither UTF-8 nor GB18030 (GBK) text; save it from Excel or WPS as 'CSV UTF-8 (逗号分隔)', or give its encoding with --encoding",
       "该文件既不是 UTF-8 也不是 GB18030（GBK）文本；请从 Excel 或 WPS 另存为“CSV UTF-8 (逗号分隔)”，或用 --encoding 指明其编码")
    case .lineNotGB18030:
      ("the line is not GB18030 (GBK) text, although the file is; check this row's bytes (a file saved from two sources?) and save it again",
       "该行不是 GB18030（GBK）文本，而整个文件是；请检查这一行的字节（文件由两个来源拼成？）并重新保存")
    case .cellNotUTF16:
      ("the cell is not UTF-16 text; save the file again from Excel",
       "该单元格不是 UTF-16 文本；请从 Excel 重新保存该文件")
    // MARK: TextBytes
    case .cellNotUTF8:
      ("the cell is not UTF-8 text (the file may be GBK/GB18030, which Excel uses for 'CSV (逗号分隔)'); save it as 'CSV UTF-8 (逗号分隔)' and try again",
       "该单元格不是 UTF-8 文本（文件可能是 GBK/GB18030 编码，Excel 的“CSV (逗号分隔)”用的就是它）；请另存为“CSV UTF-8 (逗号分隔)”后重试")
    // MARK: RecordScorer
    case .rowFieldCount:
      ("the row has {1} fields but the header has {2}; check for a stray comma or a missing cell",
       "该行有 {1} 个字段，而表头有 {2} 列；请检查是否多了逗号或少了单元格")
    case .rowHasNoID:
      ("the row has no id; give every subject an id",
       "该行没有 id；每个对象都须给出 id")
    case .rowBeyondHeader:
      ("the row has a value beyond the header's {1} columns; check for a cell typed one column too far, or name the column in the header",
       "该行在表头的 {1} 列之外还有值；请检查是否有单元格错填到了右边一列，或在表头中为该列命名")
    case .cellHoldsDate:
      ("the cell holds a date ({1}); pbk reads numbers and text, not dates: give the number, or format the cell as 数值 or 文本",
       "该单元格是日期（{1}）；pbk 只读取数字和文本，不读日期：请填数字，或把单元格格式设为数值或文本")
    case .cellHoldsExcelError:
      ("the cell holds the Excel error {1}; correct the formula or give the value",
       "该单元格是 Excel 错误值 {1}；请改正公式或直接填值")
    case .expectedSubjectObject:
      ("expected a subject as an object {…}, found {1}",
       "对象应写成 {…} 形式的 JSON 对象，实际是{1}")
    case .attributesNotTexts:
      ("'attributes' must be an object of texts",
       "“attributes”须是由文本组成的对象")
    case .eventsNotArray:
      ("'events' must be an array of events",
       "“events”须是由事件组成的数组")
    case .inputsNotObject:
      ("'inputs' must be an object",
       "“inputs”须是对象")
    case .recordHasNoID:
      ("the record has no 'id'; give every subject an id",
       "该记录没有“id”；每个对象都须给出 id")
    case .inputGivenTwice:
      ("the input '{1}' is given twice ({2} and {3}); give it once",
       "输入项“{1}”给了两次（{2} 和 {3}）；只能给一次")
    case .inputNotExact:
      ("'{1}' is {2}, which cannot be held exactly",
       "“{1}”为 {2}，无法精确保存")
    case .inputWrongKind:
      ("'{1}' is {2}; an input is a number, true/false or text",
       "“{1}”是{2}；输入项须为数字、true/false 或文本")
    case .insideInputs:
      ("inside \"inputs\"",
       "在 \"inputs\" 中")
    case .besideID:
      ("beside \"id\"",
       "与 \"id\" 并列")
    // MARK: LedgerEvent
    case .eventNotObject:
      ("event {1} is {2}; an event is an object {\"date\": \"2025-03-01\", \"kind\": \"…\"}",
       "第 {1} 个事件是{2}；事件应是对象 {\"date\": \"2025-03-01\", \"kind\": \"…\"}")
    case .eventCountNotWhole:
      ("event {1}: 'count' is a whole number of times, at least 1",
       "第 {1} 个事件：“count”是次数，须为至少 1 的整数")
    case .eventUnknownKey:
      ("event {1}: unknown key '{2}'; an event has date, kind, count, severity, incident, level",
       "第 {1} 个事件：未知的键“{2}”；事件的键有 date、kind、count、severity、incident、level")
    case .eventNoDate:
      ("event {1} has no 'date' (YYYY-MM-DD)",
       "第 {1} 个事件没有“date”（YYYY-MM-DD）")
    case .eventNoKind:
      ("event {1} has no 'kind'",
       "第 {1} 个事件没有“kind”")
    // MARK: ScoringStages
    case .attendedMoreThanDue:
      ("{1}({2}) is {3}, more than {4}({5}), {6}; check the two counts",
       "{1}({2}) 为 {3}，多于 {4}({5}) 的 {6}；请核对这两个人数")
    case .ballotItemProblem:
      ("ballot item {1}({2}): {3}",
       "测评项 {1}({2})：{3}")
    case .countMoreThanAttended:
      ("{1} is {2}, more than the {3} who attended; one voter gives at most one",
       "{1} 为 {2}，多于实到的 {3} 人；每名投票人最多投一票")
    case .nobodyAttended:
      ("nobody attended, so there is no count per voter",
       "实到人数为 0，无法按人计算")
    case .tooFewToTrim:
      ("{1}{2} counted ballots; dropping the {3} highest and {4} lowest needs more than {5}",
       "{1}有效票 {2} 张；去掉 {3} 个最高分和 {4} 个最低分需要多于 {5} 张")
    case .moreCountedThanReturned:
      ("{1} ballots are counted, more than the {2} returned; check the counts",
       "计入的票有 {1} 张，多于收回的 {2} 张；请核对票数")
    case .periodMissingError:
      ("{1} is not given, and {2}({3}) declares \"whenMissing\": \"error\"; add the period's value, or declare skip, zero or carryLast",
       "{1} 没有给出，而 {2}({3}) 声明了 \"whenMissing\": \"error\"；请补上该期的值，或声明 skip、zero 或 carryLast")
    case .periodNothingToCarry:
      ("{1} is not given and there is no earlier period to carry from ({2}({3}) declares \"whenMissing\": \"carryLast\"); add the first period's value",
       "{1} 没有给出，且没有更早的一期可以结转（{2}({3}) 声明了 \"whenMissing\": \"carryLast\"）；请补上第一期的值")
    case .periodNumberTooLarge:
      ("{1}({2}): a number grew too large to hold exactly",
       "{1}({2})：有一个数大到无法精确保存")
    case .periodAverageFailed:
      ("{1}({2}): the average could not be worked out: {3}",
       "{1}({2})：无法算出平均值：{3}")
    case .ledgerNoEvents:
      ("{1}({2}) is built from events, but none are given; give an \"events\" array in JSON or JSON Lines (a CSV row cannot carry events), or \"events\": [] for none",
       "{1}({2}) 由事件计算，但没有给出事件；请在 JSON 或 JSON Lines 中给出 \"events\" 数组（CSV 的一行无法带事件），没有事件时写 \"events\": []")
    case .ledgerRuleUndecided:
      ("{1}({2}): the '{3}' of the '{4}' rule ({5}) cannot be decided: {6}",
       "{1}({2})：“{4}”规则的“{3}”（{5}）无法确定：{6}")
    case .eventPlace:
      ("event {1} ({2} {3})",
       "第 {1} 个事件（{2} {3}）")
    case .eventDateInvalid:
      ("{1}: '{2}' is not a date written YYYY-MM-DD",
       "{1}：“{2}”不是写作 YYYY-MM-DD 的日期")
    case .eventAfterLedgerCloses:
      ("{1} is after the ledger closes on {2}; correct the date or leave it for next year",
       "{1} 在台账截止日 {2} 之后；请改正日期，或留到下一年度")
    case .noCountedBallot:
      ("{1}no counted ballot ({2}); give the counts per choice ({3}), or declare \"whenNoneCounted\"",
       "{1}没有计入的票（{2}）；请给出各选项的票数（{3}），或声明 \"whenNoneCounted\"")
    case .everyCountIsZero:
      ("every count is 0",
       "各项票数均为 0")
    case .noPeriodGiven:
      ("no period of {1}({2}) is given; add at least one of {3}",
       "{1}({2}) 没有给出任何一期；请至少给出 {3} 之一")
    case .labelledProblem:
      ("{1}({2}): {3}",
       "{1}({2})：{3}")
    case .noLedgerRuleForKind:
      ("{1}: no ledger rule for the kind '{2}'{3}; the kinds are {4}",
       "{1}：台账中没有类别为“{2}”的规则{3}；已有的类别为 {4}")
    case .noLedgerRuleApplies:
      ("{1}: no rule for the kind '{2}' applies to this subject ({3} does not hold); add a rule of the kind without 'when' for every other subject",
       "{1}：类别为“{2}”的规则都不适用于该对象（{3} 不成立）；请为其余对象加一条不带“when”的该类规则")
    case .eventLevelUnknown:
      ("{1}: the level '{2}' is not one of {3}; give the event's 'level'",
       "{1}：级别“{2}”不在 {3} 之中；请给出该事件的“level”")
    case .eventSeverityUnknown:
      ("{1}: the severity '{2}' is not one of {3}; give the event's 'severity'",
       "{1}：情节“{2}”不在 {3} 之中；请给出该事件的“severity”")
    // MARK: ScoringFailure
    case .placeValue:
      ("value '{1}'",
       "计算值“{1}”")
    case .placeRule:
      ("rule '{1}'",
       "细则“{1}”")
    case .placeSection:
      ("section '{1}'",
       "小项“{1}”")
    case .placeComponent:
      ("component '{1}'",
       "分项“{1}”")
    case .placeTotal:
      ("the total",
       "总分")
    case .placeVeto:
      ("veto '{1}'",
       "一票否决“{1}”")
    case .placeBand:
      ("grade band '{1}'",
       "等次“{1}”")
    case .placeStarItem:
      ("star item '{1}'",
       "星级条件“{1}”")
    case .placeStarLevel:
      ("{1}-star level",
       "{1} 星级")
    case .placeConsequence:
      ("consequence '{1}'",
       "结果运用“{1}”")
    case .placeCohortKey:
      ("the cohort's ranking key '{1}'",
       "排名依据“{1}”")
    case .placeCohortLabel:
      ("cohort label '{1}'",
       "排名标注“{1}”")
    case .placeCohortExclude:
      ("the cohort's 'exclude'",
       "排名的“exclude”")
    case .placeOutcome:
      ("outcome '{1}'",
       "结果项“{1}”")
    case .placeCheck:
      ("check '{1}'",
       "数据核对“{1}”")
    case .scoreOutsideRange:
      ("its score {1} is outside {2}…{3}",
       "其得分 {1} 超出 {2}…{3}")
    case .scoreOutsideSectionRange:
      ("its score {1} is outside the section's range",
       "其得分 {1} 超出该小项的范围")
    case .noComponentApplies:
      ("no component applies ({1} not applicable); give at least one of their inputs",
       "没有适用的分项（{1} 均不适用）；请至少给出其中一项的输入")
    case .weightedFullUnrepresentable:
      ("its full marks × weight cannot be held exactly, which re-normalising the weights needs; give every input it uses",
       "其满分 × 权重无法精确保存，而重新折算权重需要它；请给出它用到的全部输入项")
    case .checkFailed:
      ("{1}（{2}）; correct the data",
       "{1}（{2}）；请改正数据")
    case .dataContradict:
      ("the data contradict each other",
       "数据相互矛盾")
    case .startOutsideRange:
      ("its start {1} ('{2}') is outside {3}…{4}; check the inputs it uses",
       "其起始分 {1}（“{2}”）超出 {3}…{4}；请检查它用到的输入项")
    case .startOutsideSectionRange:
      ("its start {1} is outside the section's range",
       "其起始分 {1} 超出该小项的范围")
    case .belowLowestBand:
      ("it is {1}, below the lowest grade band ('{2}' from {3}), so it would have no grade; lower that band's 'min', or raise the section floors that let the total fall below it",
       "总分为 {1}，低于最低等次（“{2}”，自 {3} 起），将没有等次；请降低该等次的“min”，或提高使总分低于它的小项下限")
    case .failureAt:
      ("{1}: {2}",
       "{1}：{2}")
    // MARK: PackCompiler+Components
    case .giveAComponent:
      ("give at least one component",
       "请至少给出一个分项")
    case .hintComponentID:
      ("a short name such as \"daily\" or \"日常考核\"",
       "简短的名称，如 \"daily\" 或 \"日常考核\"")
    case .weightNotAShare:
      ("a weight is a share above 0 and at most 1 (or 100%), not {1}",
       "权重是大于 0、至多为 1（即 100%）的比例，不能是 {1}")
    case .hintWeight:
      ("its share of the total, e.g. 0.3 or \"30%\"",
       "它在总分中所占的比例，如 0.3 或 \"30%\"")
    case .componentFullMarksNegative:
      ("a component's 'fullMarks' is what it is worth, 0 or more, not {1}",
       "分项的“fullMarks”是它的分值，须为 0 或以上，不能是 {1}")
    case .componentScoreAndSections:
      ("a component has either a 'score' formula or 'sections', not both",
       "分项要么有“score”公式，要么有“sections”，不能两者都有")
    case .whatComponentScore:
      ("the score of component '{1}'",
       "分项“{1}”的得分")
    case .hintComponentFullMarks:
      ("the component's full marks, e.g. 100",
       "该分项的满分，如 100")
    case .giveASection:
      ("give at least one section",
       "请至少给出一个小项")
    case .sectionsFullMarksDisagree:
      ("the sections' full marks add up to {1}, not the component's {2}; make them agree",
       "各小项满分合计为 {1}，不等于分项的 {2}；请使二者一致")
    case .hintComponentScore:
      ("a formula for its score (e.g. \"score\": \"daily\"), or a list of 'sections'",
       "得分公式（如 \"score\": \"daily\"），或“sections”小项列表")
    case .componentTooLarge:
      ("the full marks of component '{1}' and its bonus caps add up to more than a pack can hold (about 9.2 × 10¹⁸); lower them",
       "分项“{1}”的满分与其加分上限合计超出规则包能保存的范围（约 9.2 × 10¹⁸）；请调低")
    case .weightsNotOne:
      ("the components' weights add up to {1}, not 1 (100%); correct them, or if the scheme means it, say why in \"weightsNote\"",
       "各分项权重合计为 {1}，不是 1（100%）；请改正，或者如果方案本意如此，请在 \"weightsNote\" 中说明原因")
    case .weightedFullMarksDisagree:
      ("the components' weighted full marks add up to {1}, not the pack's fullMarks {2}; make them agree",
       "各分项加权满分合计为 {1}，不等于规则包的 fullMarks {2}；请使二者一致")
    case .fullMarksUnreachable:
      ("the highest reachable total is {1}, below the pack's fullMarks {2}: no subject can ever get full marks; check the sections' rules",
       "可得的最高总分为 {1}，低于规则包的 fullMarks {2}：任何对象都拿不到满分；请检查各小项的细则")
    case .hintSectionID:
      ("a short name such as \"duties\" or \"履职指标\"",
       "简短的名称，如 \"duties\" 或 \"履职指标\"")
    case .bonusSectionHasCap:
      ("a bonus section has a 'cap', not 'fullMarks'",
       "加分小项用“cap”，不用“fullMarks”")
    case .capNotNumberOrNone:
      ("'{1}' is neither a number nor \"none\"; write the most its bonuses can add, e.g. 5, or \"none\" for a bonus the document does not cap (不设上限)",
       "“{1}”既不是数字也不是 \"none\"；请写加分的最高值，如 5，文件不设上限的加分写 \"none\"（不设上限）")
    case .hintCap:
      ("the most its bonuses can add (加分上限), e.g. 5",
       "加分上限，如 5")
    case .hintSectionFullMarks:
      ("the section's full marks (满分), e.g. 20",
       "该小项的满分，如 20")
    case .capOnlyForBonus:
      ("only a bonus section (\"bonus\": true) has a 'cap'",
       "只有加分小项（\"bonus\": true）才有“cap”")
    case .capNegative:
      ("a bonus section's 'cap' is the most its bonuses can add, 0 or more, not {1}",
       "加分小项的“cap”是加分的最高值，须为 0 或以上，不能是 {1}")
    case .sectionFullMarksNegative:
      ("a section's 'fullMarks' is what it is worth, 0 or more, not {1}",
       "小项的“fullMarks”是它的分值，须为 0 或以上，不能是 {1}")
    case .sectionScoreAndRules:
      ("a section has either a 'score' formula or 'rules', not both",
       "小项要么有“score”公式，要么有“rules”，不能两者都有")
    case .whatSectionScore:
      ("the score of section '{1}'",
       "小项“{1}”的得分")
    case .bonusStartsFrom:
      ("a bonus section starts at 0; remove 'startsFrom'",
       "加分小项从 0 起算；请删去“startsFrom”")
    case .startsAtAndStartsFrom:
      ("give either 'startsAt' or 'startsFrom' (a computed start), not both",
       "“startsAt”和“startsFrom”（计算出的起始分）只能给一个")
    case .whatSectionStart:
      ("the start of section '{1}'",
       "小项“{1}”的起始分")
    case .startAboveFull:
      ("the start of section '{1}' can reach {2}, above its full marks {3}; cap it, e.g. MIN({4}, {5})",
       "小项“{1}”的起始分可达 {2}，高于其满分 {3}；请加以封顶，如 MIN({4}, {5})")
    case .startBelowFloor:
      ("the start of section '{1}' can fall to {2}, below its floor {3}; bound it, e.g. MAX({4}, {5})",
       "小项“{1}”的起始分可低至 {2}，低于其下限 {3}；请加以限定，如 MAX({4}, {5})")
    case .startUnbounded:
      ("cannot tell the highest and lowest start of section '{1}': {2}",
       "无法确定小项“{1}”起始分的最高值和最低值：{2}")
    case .startsAtValue:
      ("'startsAt' is \"full\" (扣分制: start at full marks and deduct) or \"zero\" (start at 0 and award)",
       "“startsAt”为 \"full\"（扣分制：从满分起扣）或 \"zero\"（从 0 起加分）")
    case .bonusStartsAt:
      ("a bonus section starts at zero; remove 'startsAt'",
       "加分小项从 0 起算；请删去“startsAt”")
    case .hintStartsAt:
      ("\"full\" to start at full marks and deduct (扣分制), or \"zero\" to start at 0 and award points",
       "\"full\" 表示从满分起扣（扣分制），\"zero\" 表示从 0 起加分")
    case .sectionHighestUnknown:
      ("cannot tell the highest score of section '{1}': an award has no upper bound; give the inputs it uses a 'max', or the rule a 'max'",
       "无法确定小项“{1}”的最高得分：有加分没有上限；请给它用到的输入项设“max”，或给该细则设“max”")
    case .sectionNeverFull:
      ("section '{1}' can never reach its full marks {2}: some deductions always apply (at least {3}); give them a 'when' or lower them",
       "小项“{1}”永远得不到满分 {2}：有些扣分总会发生（至少 {3}）；请给它们加“when”，或调低扣分")
    case .sectionReachesAtMost:
      ("section '{1}' can reach at most {2}, below its full marks {3}: its awards add up to {4}; raise them or lower 'fullMarks'",
       "小项“{1}”最多只能得 {2}，低于其满分 {3}：其加分合计为 {4}；请调高加分或调低“fullMarks”")
    case .hintRules:
      ("a list of rules (award, deduct, awardEach, deductEach, zero), or a 'score' formula",
       "细则列表（award、deduct、awardEach、deductEach、zero），或“score”公式")
    case .capNoneOnlyForRules:
      ("\"cap\": \"none\" is for a bonus section of rules; a 'score' formula gives its own bound",
       "\"cap\": \"none\" 只用于由细则组成的加分小项；“score”公式自有其范围")
    case .scoreUnbounded:
      ("cannot tell the highest and lowest score of {1}: {2}",
       "无法确定{1}得分的最高值和最低值：{2}")
    case .scoreAboveFull:
      ("the score of {1} can reach {2}, above its full marks {3}; cap it, e.g. MIN({4}, {5}), or correct the inputs' 'max'",
       "{1}的得分可达 {2}，高于其满分 {3}；请加以封顶，如 MIN({4}, {5})，或改正输入项的“max”")
    case .scoreBelowFull:
      ("the score of {1} can reach at most {2}, below its full marks {3}; no subject could get full marks",
       "{1}的得分最多只能达到 {2}，低于其满分 {3}；任何对象都拿不到满分")
    case .scoreBelowFloor:
      ("the score of {1} can fall to {2}, below its floor {3}; bound it, e.g. MAX(…, {4})",
       "{1}的得分可低至 {2}，低于其下限 {3}；请加以限定，如 MAX(…, {4})")
    case .giveMinAndMax:
      ("give {1} a 'min' and a 'max'",
       "请给 {1} 设“min”和“max”")
    case .divisorNearZero:
      ("the divisor '{1}' in '{2}' can be 0 (or come near it), so the quotient has no bound; keep the score between {3} and {4}, e.g. CLAMP(if {5} = 0 then {6} else {7}, {8}, {9})",
       "“{2}”中的除数“{1}”可能为 0（或接近 0），商就没有界限；请把得分限定在 {3} 与 {4} 之间，如 CLAMP(if {5} = 0 then {6} else {7}, {8}, {9})")
    case .boundItClamp:
      ("bound it, e.g. CLAMP({1}, {2}, {3})",
       "请加以限定，如 CLAMP({1}, {2}, {3})")
    case .hintRuleLabel:
      ("what a person reads in the trace, e.g. \"阵地建设任务未按时完成\"",
       "计算过程中给人看的说明，如 \"阵地建设任务未按时完成\"")
    case .hintZeroWhen:
      ("the serious case that zeroes the section, as a condition",
       "使该小项记零分的严重情形，写成条件")
    case .zeroRuleHasNo:
      ("a 'zero' rule sets the section to 0 and has no '{1}'",
       "“zero”细则把该小项记为 0，没有“{1}”")
    case .hintPoints:
      ("how many points, e.g. 5",
       "分值，如 5")
    case .ruleHasNoCount:
      ("a '{1}' rule has no 'count'; use '{2}Each' to count occurrences",
       "“{1}”细则没有“count”；按次计分请用“{2}Each”")
    case .hintPointsEach:
      ("points per occurrence, e.g. 2",
       "每次的分值，如 2")
    case .hintCount:
      ("how many times it happened, e.g. \"overdueTasks\"",
       "发生的次数，如 \"overdueTasks\"")
    case .ruleMaxNotPositive:
      ("'max' is the most the rule adds or deducts in all, a number above 0",
       "“max”是该细则合计最多加或扣的分，须为大于 0 的数")
    case .pointsCanBeNegative:
      ("'{1}' can be negative (as low as {2}); points and counts are never negative: write a deduction as a 'deduct' rule with positive points",
       "“{1}”可能为负（低至 {2}）；分值和次数不能为负：扣分请写成分值为正的“deduct”细则")
    case .floorAboveCap:
      ("the floor ({1}) is above the section's cap ({2}); a section scores between its floor and its cap: lower 'floor'",
       "下限（{1}）高于该小项的加分上限（{2}）；小项得分在下限与加分上限之间：请调低“floor”")
    case .floorAboveFullMarks:
      ("the floor ({1}) is above the section's full marks ({2}); a section scores between its floor and its full marks: lower 'floor'",
       "下限（{1}）高于该小项的满分（{2}）；小项得分在下限与满分之间：请调低“floor”")
    case .nameHasNoBound:
      ("{1} has no highest or lowest value; bound it, e.g. with MIN, MAX or CLAMP",
       "{1} 没有最高值或最低值；请加以限定，如用 MIN、MAX 或 CLAMP")
    case .namesHaveNoBound:
      ("{1} have no highest or lowest value; bound them, e.g. with MIN, MAX or CLAMP",
       "{1} 没有最高值或最低值；请加以限定，如用 MIN、MAX 或 CLAMP")
    case .oneOf:
      ("one of {1}",
       "{1} 之一")
    case .unknownRuleKind:
      ("unknown rule kind '{1}'{2}; use one of {3}",
       "未知的细则类型“{1}”{2}；请改为 {3} 之一")
    case .whatComponent:
      ("a component",
       "分项")
    case .whatSection:
      ("a section",
       "小项")
    case .whatRule:
      ("a rule",
       "细则")
    // MARK: PackCompiler+Outcomes
    case .hintVetoID:
      ("a short name the tests and consequences use",
       "测试和结果运用中使用的简短名称")
    case .vetoIDTwice:
      ("the veto id '{1}' is used twice",
       "一票否决 id“{1}”用了两次")
    case .hintVetoWhen:
      ("the condition that fires it",
       "触发它的条件")
    case .hintVetoEffect:
      ("zeroTotal (总分为0), noGrade (不定等次), capGrade (等次最高为 'grade'), setGrade (直接定为 'grade') or setStars (直接定为 'stars' 星)",
       "zeroTotal（总分为0）、noGrade（不定等次）、capGrade（等次最高为“grade”）、setGrade（直接定为“grade”）或 setStars（直接定为“stars”星）")
    case .hintVetoGrade:
      ("the grade it caps at or sets, one of the grade bands",
       "它封顶或直接认定的等次，须为等次之一")
    case .hintVetoStars:
      ("the star level it sets, e.g. \"stars\": 5",
       "它直接认定的星级，如 \"stars\": 5")
    case .unknownVetoEffect:
      ("unknown veto effect '{1}'{2}; use one of {3}",
       "未知的否决效果“{1}”{2}；请改为 {3} 之一")
    case .gradeOnlyForGradeEffects:
      ("only capGrade and setGrade take a 'grade'",
       "只有 capGrade 和 setGrade 带“grade”")
    case .starsOnlyForSetStars:
      ("only setStars takes 'stars'; to cap the star level use 'capStars'",
       "只有 setStars 带“stars”；封顶星级请用“capStars”")
    case .unknownVetoScore:
      ("unknown 'score' '{1}'{2}; use keep (总分不变), floorOfGrade (总分记为新等次的最低分) or capAtGradeTop (总分不超过新等次的最高分)",
       "未知的“score”取值“{1}”{2}；请改为 keep（总分不变）、floorOfGrade（总分记为新等次的最低分）或 capAtGradeTop（总分不超过新等次的最高分）")
    case .scoreOnlyForGradeEffects:
      ("only capGrade and setGrade change the grade, so only they take 'score' (what happens to the total)",
       "只有 capGrade 和 setGrade 改变等次，所以只有它们带“score”（总分如何处理）")
    case .noGradesForVeto:
      ("there is no grade '{1}': the pack has no 'grades'; add the grade bands, or use another effect",
       "没有等次“{1}”：规则包没有“grades”；请加上等次划分，或改用其他效果")
    case .noSuchGrade:
      ("there is no grade '{1}'{2}; the grades are {3}",
       "没有等次“{1}”{2}；已有的等次为 {3}")
    case .whatGrades:
      ("the grades",
       "等次划分")
    case .hintGrades:
      ("the grade bands, best first",
       "等次划分，从高到低")
    case .giveABand:
      ("give at least one band, e.g. [{\"grade\": \"合格\", \"min\": 60}, {\"grade\": \"不合格\", \"min\": 0, \"below\": 60}], or leave 'grades' out for no grades",
       "请至少给出一个等次，如 [{\"grade\": \"合格\", \"min\": 60}, {\"grade\": \"不合格\", \"min\": 0, \"below\": 60}]，不定等次则删去“grades”")
    case .whatGradeBand:
      ("a grade band",
       "等次")
    case .hintGradeName:
      ("the grade's name, e.g. \"优秀\"",
       "等次名称，如 \"优秀\"")
    case .hintBandMin:
      ("the lowest score of the band (inclusive)",
       "该等次的最低分（含）")
    case .gradeListedTwice:
      ("the grade '{1}' is listed twice",
       "等次“{1}”列了两次")
    case .topBandBelow:
      ("the top band gives 'max' (inclusive), or nothing; not 'below'",
       "最高等次用“max”（含）或不设，不用“below”")
    case .topBandMaxUnbounded:
      ("the top band ends at {1}, but a bonus without a cap (\"cap\": \"none\") lets totals go higher without bound; remove 'max'",
       "最高等次止于 {1}，但有不设上限的加分（\"cap\": \"none\"），总分可以无限升高；请删去“max”")
    case .topBandMaxTooLow:
      ("the top band ends at {1}, but totals can reach {2}; scores above {3} would get no grade",
       "最高等次止于 {1}，但总分可达 {2}；高于 {3} 的分数将没有等次")
    case .maxOnlyForTopBand:
      ("only the top band has 'max'; the others give 'below' (exclusive)",
       "只有最高等次用“max”；其他等次用“below”（不含）")
    case .hintBandBelow:
      ("the score this band stays under (exclusive): the 'min' of the band above",
       "该等次的分数上界（不含）：即上一等次的“min”")
    case .bandGap:
      ("gap between grade bands: scores from {1} up to below {2} get no grade; set 'below' to {3}",
       "等次之间有空档：{1} 至 {2}（不含）之间的分数没有等次；请把“below”设为 {3}")
    case .bandOverlap:
      ("grade bands overlap: scores from {1} up to below {2} are both '{3}' and '{4}'; set 'below' to {5}",
       "等次相互重叠：{1} 至 {2}（不含）之间的分数既是“{3}”又是“{4}”；请把“below”设为 {5}")
    case .minNotBelowBelow:
      ("'min' ({1}) must be below 'below' ({2}); list bands best first",
       "“min”（{1}）须小于“below”（{2}）；等次请从高到低排列")
    case .lowestBandWhen:
      ("the lowest band '{1}' has no band below it to fall to, so it cannot have a 'when'; put the condition on a better band",
       "最低等次“{1}”之下没有可降的等次，所以它不能有“when”；请把条件放在较高的等次上")
    case .bandsDoNotReachZero:
      ("scores from 0 up to below {1} get no grade; lower the last band's 'min' to 0 or add a band",
       "0 至 {1}（不含）之间的分数没有等次；请把最后一个等次的“min”降到 0，或增加一个等次")
    case .totalsBelowLowestBand:
      ("totals can fall to {1} (section floors below 0: {2}), below the lowest band's 'min' {3}, so such a subject would get no grade; lower this 'min' to {4}, or raise the floors to 0",
       "总分可低至 {1}（小项下限低于 0：{2}），低于最低等次的“min” {3}，这样的对象将没有等次；请把该“min”降到 {4}，或把下限提高到 0")
    case .whatStars:
      ("the stars",
       "星级评定")
    case .whatStarItem:
      ("a star item",
       "星级条件")
    case .hintStarItemID:
      ("a short name for the item",
       "该条件的简短名称")
    case .starItemListedTwice:
      ("the star item '{1}' is listed twice",
       "星级条件“{1}”列了两次")
    case .hintStarScope:
      ("'scope' is \"common\" (an item every subject has, the 10 of 10+X) or \"local\" (an X item)",
       "“scope”为 \"common\"（每个对象都有的共性条件，即 10+X 中的 10）或 \"local\"（X 项个性条件）")
    case .hintStarEarnedWhen:
      ("the condition that earns it",
       "达到该条件的判断条件")
    case .hintStarItems:
      ("the star items (e.g. the 10 common items and the X local ones)",
       "星级条件（如 10 项共性条件和 X 项个性条件）")
    case .whatStarLevel:
      ("a star level",
       "星级档次")
    case .hintStarLevel:
      ("the star level, 1 to 10",
       "星级，1 到 10")
    case .starLevelUnreachable:
      ("{1} stars need {2} items, but there are only {3}; no subject could reach it",
       "{1} 星需要 {2} 项，但总共只有 {3} 项；任何对象都达不到")
    case .starLevelListedTwice:
      ("the level {1} is listed twice",
       "星级 {1} 列了两次")
    case .hintMinItems:
      ("how many items earn this level (or a 'when' condition)",
       "达到该星级所需的条件项数（或“when”条件）")
    case .hintStarLevels:
      ("the star levels, e.g. {\"stars\": 5, \"minItems\": 10}",
       "星级档次，如 {\"stars\": 5, \"minItems\": 10}")
    case .capIfMissingNotALevel:
      ("'capIfMissing' is {1}, which is not one of the levels",
       "“capIfMissing”为 {1}，不是已有的星级")
    case .setStarsWithoutStars:
      ("'setStars' sets a star level, but the pack has no 'stars'; add the star items and levels, or use setGrade",
       "“setStars”直接认定星级，但规则包没有“stars”；请加上星级条件和档次，或改用 setGrade")
    case .noSuchStarLevel:
      ("there is no {1}-star level; the levels are {2} (or 0 for no stars)",
       "没有 {1} 星这一档；已有的星级为 {2}（或 0 表示无星）")
    case .hintConsequenceID:
      ("a short name the tests use",
       "测试中使用的简短名称")
    case .hintConsequenceLabel:
      ("what it means for the subject, e.g. \"取消评先评优资格\"",
       "对该对象意味着什么，如 \"取消评先评优资格\"")
    case .whatVetoID:
      ("a veto id",
       "一票否决 id")
    case .noSuchVeto:
      ("there is no veto '{1}'{2}; the vetoes are {3}",
       "没有一票否决“{1}”{2}；已有的一票否决为 {3}")
    case .noResultCanBeVoid:
      ("no result of this pack can be void: 'onVoid' needs ballots with a 'validity' quorum or issued/returned counts",
       "本规则包的结果不会无效：“onVoid”需要带“validity”有效票要求或发出/收回票数的测评票")
    case .consequenceNeverFollows:
      ("consequence '{1}' never follows: give 'onGrades', 'onVetoes', 'onNoGrade', 'onVoid', 'onLabels' or 'when'",
       "结果运用“{1}”永远不会发生：请给出“onGrades”、“onVetoes”、“onNoGrade”、“onVoid”、“onLabels”或“when”")
    case .whatOutcome:
      ("an outcome",
       "结果项")
    case .hintOutcomeID:
      ("the name consequences and later outcomes use, e.g. \"经费系数\"",
       "结果运用和后面的结果项使用的名称，如 \"经费系数\"")
    case .hintOutcomeFormula:
      ("how it is worked out from the result, e.g. \"if grade = '优秀' then 110% else 100%\"",
       "如何由结果算出，如 \"if grade = '优秀' then 110% else 100%\"")
    case .hintCheckLabel:
      ("a short name for the check, e.g. \"票数不超过实到人数\"",
       "该核对的简短名称，如 \"票数不超过实到人数\"")
    case .checkIDTwice:
      ("the check id '{1}' is used twice",
       "数据核对 id“{1}”用了两次")
    case .hintCheckWhen:
      ("the condition under which the data contradict each other, e.g. \"优秀票 + 合格票 > 实到人数\"",
       "数据相互矛盾的条件，如 \"优秀票 + 合格票 > 实到人数\"")
    case .checkNeverRejects:
      ("this check never rejects anything (its condition is always false); correct it or remove the check",
       "该核对永远不会拒绝任何对象（条件恒为假）；请改正或删去该核对")
    case .checkRejectsAll:
      ("this check rejects every subject (its condition is always true); correct it",
       "该核对会拒绝所有对象（条件恒为真）；请改正")
    case .whatVeto:
      ("a veto",
       "一票否决项")
    case .whatConsequence:
      ("a consequence",
       "结果运用")
    case .whatGrade:
      ("a grade",
       "等次")
    case .whatCheck:
      ("a check",
       "数据核对")
    // MARK: PackCompiler+Ballots
    case .whatBallots:
      ("the ballots",
       "测评票")
    case .whatBallotScale:
      ("a ballot scale",
       "测评档次")
    case .hintScaleID:
      ("the name items use, e.g. \"四档\"",
       "测评项引用它时使用的名称，如 \"四档\"")
    case .scaleDeclaredTwice:
      ("the scale '{1}' is declared twice",
       "档次“{1}”声明了两次")
    case .hintScaleChoices:
      ("the choices on the ballot, e.g. [\"好\", \"较好\", \"一般\", \"差\"]",
       "票面上的选项，如 [\"好\", \"较好\", \"一般\", \"差\"]")
    case .choiceEmptyOrColon:
      ("a choice '{1}' must not be empty or hold ':' (it names the count inputs, e.g. \"p1:好\")",
       "选项“{1}”不能为空，也不能含“:”（它用于给票数输入项命名，如 \"p1:好\"）")
    case .whatAbstainChoice:
      ("a choice left out of the count",
       "不计入的选项")
    case .notAChoice:
      ("'{1}' is not one of the choices {2}{3}",
       "“{1}”不在选项 {2} 之中{3}")
    case .whatPointsPerChoice:
      ("the points per choice",
       "各选项分值")
    case .abstainHasPoints:
      ("'{1}' is left out of the count (abstain) and has no points; remove it",
       "“{1}”不计入（abstain），没有分值；请删去")
    case .hintChoicePoints:
      ("how many points a '{1}' ballot is worth (0 if none), or list it in 'abstain'",
       "一张“{1}”票值多少分（没有则为 0），或把它列入“abstain”")
    case .pointsNegative:
      ("points are never negative, not {1}",
       "分值不能为负，不能是 {1}")
    case .whatValidity:
      ("the vote's validity",
       "投票有效性")
    case .noSuchInputForCount:
      ("there is no input '{1}'{2}; declare it in 'inputs' as an integer",
       "没有输入项“{1}”{2}；请在“inputs”中把它声明为整数")
    case .countInputNotInteger:
      ("'{1}' is a {2} input; a head count or a ballot count is an integer input",
       "“{1}”是 {2} 类型的输入项；人数或票数应为整数输入项")
    case .validityInputNotApplicable:
      ("'{1}' may not be \"whenMissing\": \"notApplicable\": the vote's validity is decided before anything is scored",
       "“{1}”不能是 \"whenMissing\": \"notApplicable\"：投票是否有效在计分之前就要判定")
    case .dueAndAttended:
      ("give both 'due' (应到人数) and 'attended' (实到人数), or neither",
       "请同时给出“due”（应到人数）和“attended”（实到人数），或都不给")
    case .issuedAndReturned:
      ("give both 'issued' (发出票数) and 'returned' (收回票数), or neither",
       "请同时给出“issued”（发出票数）和“returned”（收回票数），或都不给")
    case .whatQuorum:
      ("the quorum",
       "有效票要求")
    case .quorumMoreThanOrAtLeast:
      ("give one of 'moreThan' (e.g. \"1/2\": 过半数) or 'atLeast' (e.g. \"2/3\")",
       "请给出“moreThan”（如 \"1/2\"：过半数）或“atLeast”（如 \"2/3\"）之一")
    case .quorumNeedsDueAttended:
      ("a quorum needs 'due' and 'attended'",
       "有效票要求需要“due”和“attended”")
    case .whatBallotItem:
      ("a ballot item",
       "测评项")
    case .hintBallotItemID:
      ("the name formulas use for its result, e.g. \"p1\"",
       "公式引用其结果时使用的名称，如 \"p1\"")
    case .ballotItemListedTwice:
      ("the ballot item '{1}' is listed twice",
       "测评项“{1}”列了两次")
    case .hintBallotScore:
      ("average (平均分), share (某一选项占比 %) or perVoter (人均, %)",
       "average（平均分）、share（某一选项占比 %）或 perVoter（人均，%）")
    case .hintCountInput:
      ("the integer input holding the count, e.g. \"点赞数\"",
       "存放票数的整数输入项，如 \"点赞数\"")
    case .notAnIntegerInput:
      ("'{1}' is not an integer input{2}; declare it in 'inputs' as an integer",
       "“{1}”不是整数输入项{2}；请在“inputs”中把它声明为整数")
    case .perVoterNeedsAttended:
      ("'perVoter' divides by those who attended: give 'validity' with 'due' and 'attended'",
       "“perVoter”按实到人数相除：请给出带“due”和“attended”的“validity”")
    case .perVoterHasNo:
      ("a 'perVoter' item has no '{1}'; remove it",
       "“perVoter”测评项没有“{1}”；请删去")
    case .unknownBallotScore:
      ("unknown ballot score '{1}'{2}; use one of {3}",
       "未知的测评计分方式“{1}”{2}；请改为 {3} 之一")
    case .countOnlyForPerVoter:
      ("only a 'perVoter' item has 'count'; the counts per choice are inputs named \"{1}:choice\"",
       "只有“perVoter”测评项有“count”；各选项的票数是名为 \"{1}:选项\" 的输入项")
    case .hintItemScale:
      ("one of the scales, e.g. \"四档\"",
       "档次之一，如 \"四档\"")
    case .noSuchScale:
      ("there is no scale '{1}'{2}; declare it in 'scales'",
       "没有档次“{1}”{2}；请在“scales”中声明")
    case .choiceOnlyForShare:
      ("only a 'share' item names a 'choice'; remove it",
       "只有“share”测评项才指定“choice”；请删去")
    case .averageNeedsPoints:
      ("an 'average' item needs points for every counted choice: give the scale '{1}' its 'points'",
       "“average”测评项需要每个计入选项的分值：请给档次“{1}”设“points”")
    case .hintShareChoice:
      ("the choice whose share is taken, e.g. \"有\"",
       "取其占比的选项，如 \"有\"")
    case .notACountedChoice:
      ("'{1}' is not a counted choice of the scale '{2}' ({3})",
       "“{1}”不是档次“{2}”中计入的选项（{3}）")
    case .trimOnlyForAverage:
      ("'trim' drops the highest and lowest ballots of an average; a share has none to drop",
       "“trim”去掉平均分中的最高票和最低票；占比没有可去掉的票")
    case .whatRaterGroup:
      ("a rater group",
       "测评主体")
    case .hintRaterID:
      ("a short name, e.g. \"领导\"",
       "简短的名称，如 \"领导\"")
    case .raterIDColon:
      ("a rater group's id must not hold ':'",
       "测评主体的 id 不能含“:”")
    case .raterGroupListedTwice:
      ("the rater group '{1}' is listed twice",
       "测评主体“{1}”列了两次")
    case .hintRaterWeight:
      ("its share of the item, e.g. \"70%\"",
       "它在该测评项中所占的比例，如 \"70%\"")
    case .giveARaterGroup:
      ("list at least one rater group, or leave 'raters' out",
       "请至少列出一个测评主体，或删去“raters”")
    case .raterWeightsNotOne:
      ("the rater groups' weights add up to {1}, not 1 (100%); correct them (7:3 is \"70%\" and \"30%\")",
       "各测评主体权重合计为 {1}，不是 1（100%）；请改正（7:3 即 \"70%\" 和 \"30%\"）")
    case .hintBallotItems:
      ("the ballot items, e.g. {\"id\": \"p1\", \"scale\": \"四档\", \"score\": \"average\"}",
       "测评项，如 {\"id\": \"p1\", \"scale\": \"四档\", \"score\": \"average\"}")
    // MARK: PackCompiler+Cohort
    case .plainShareMeantCount:
      ("'{1}' is not a share: a share written as a plain number is below 1 (0.05 is 5%); for a head count ({2} 名) write '{3}': {4} instead, for everyone \"100%\"",
       "“{1}”不是比例：写成普通数字的比例小于 1（0.05 即 5%）；按人数（{2} 名）请改为 '{3}': {4}，全体请写 \"100%\"")
    case .plainShareWritePercentage:
      ("'{1}' is not a share: a share written as a plain number is below 1 (0.05 is 5%); write a percentage (\"5%\") or a fraction (\"1/3\")",
       "“{1}”不是比例：写成普通数字的比例小于 1（0.05 即 5%）；请写成百分数（\"5%\"）或分数（\"1/3\"）")
    case .zeroHintFillTo:
      (", or add 'fillTo' to label by filling up to a share alone",
       "，或加上“fillTo”，只按补足到的比例标注")
    case .shareHintWrite:
      ("for a share write '{1}'",
       "按比例请写“{1}”")
    case .shareHintPerGroup:
      ("for a share per group, give the label '{1}' instead of '{2}'",
       "各组按比例请给该标注设“{1}”而不是“{2}”")
    case .groupUnderKey:
      ("group '{1}' under '{2}'",
       "“{2}”下的组“{1}”")
    case .byGroupCountNotGrouped:
      ("'byGroup' gives each cohort group its own head count, but the cohort is not grouped: add 'groupBy' to the cohort (e.g. \"parent\" for each 乡镇, or a choice input such as 村/社区), or remove 'byGroup'",
       "“byGroup”为排名范围内的每组单独给出人数，但排名没有分组：请给 cohort 加上“groupBy”（如 \"parent\" 按乡镇分组，或按 村/社区 这样的选项输入项分组），或删去“byGroup”")
    case .byGroupShareNotGrouped:
      ("'byGroup' gives each cohort group its own share, but the cohort is not grouped: add 'groupBy' to the cohort (e.g. \"parent\" for each 乡镇, or a choice input such as 村/社区), or remove 'byGroup'",
       "“byGroup”为排名范围内的每组单独给出比例，但排名没有分组：请给 cohort 加上“groupBy”（如 \"parent\" 按乡镇分组，或按 村/社区 这样的选项输入项分组），或删去“byGroup”")
    case .byGroupCountsNotObject:
      ("expected each group's head count (an object in braces, e.g. {1}) here, but found {2}",
       "此处应为各组的人数（花括号中的对象，如 {1}），实际是{2}")
    case .byGroupSharesNotObject:
      ("expected each group's share (an object in braces, e.g. {1}) here, but found {2}",
       "此处应为各组的比例（花括号中的对象，如 {1}），实际是{2}")
    case .byGroupNoGroupCount:
      ("'byGroup' lists no group; name each group with its head count, or remove 'byGroup'",
       "“byGroup”没有列出任何组；请写出每组及其人数，或删去“byGroup”")
    case .byGroupNoGroupShare:
      ("'byGroup' lists no group; name each group with its share, or remove 'byGroup'",
       "“byGroup”没有列出任何组；请写出每组及其比例，或删去“byGroup”")
    case .noSuchCohortGroup:
      ("there is no group '{1}'{2}; the cohort is grouped by {3}, whose choices are {4}",
       "没有组“{1}”{2}；排名按{3}分组，其选项为 {4}")
    case .whatCohort:
      ("the cohort stage",
       "排名阶段")
    case .whatCohortRankBy:
      ("the cohort's 'rankBy'",
       "排名的“rankBy”")
    case .hintRankBy:
      ("what decides between equal totals, e.g. \"强村富民\" (a section, input or value)",
       "总分相同时依据什么排先后，如 \"强村富民\"（小项、输入项或计算值）")
    case .unknownOrder:
      ("unknown order '{1}'{2}; use higherFirst (高者在前) or lowerFirst (低者在前)",
       "未知的排序“{1}”{2}；请改为 higherFirst（高者在前）或 lowerFirst（低者在前）")
    case .whatCohortLabel:
      ("a cohort label",
       "排名标注")
    case .hintCohortLabelID:
      ("a short name the tests use, e.g. \"后进\"",
       "测试中使用的简短名称，如 \"后进\"")
    case .cohortLabelListedTwice:
      ("the cohort label '{1}' is listed twice",
       "排名标注“{1}”列了两次")
    case .expectedShare:
      ("expected a share such as \"5%\", \"1/3\" or 0.05, but found {1}",
       "此处应为比例，如 \"5%\"、\"1/3\" 或 0.05，实际是{1}")
    case .headCountNotShare:
      ("'{1}' is a head count, not a share: write '{2}': {3} instead",
       "“{1}”是人数，不是比例：请改为 '{2}': {3}")
    case .headCountNotSharePerGroup:
      ("'{1}' is a head count, not a share: to count heads per group, give the label '{2}' and each group a whole number here",
       "“{1}”是人数，不是比例：要按组计人数，请给该标注设“{2}”，并在这里给每组写一个整数")
    case .fillToNotCount:
      ("'fillTo' is a share of the group, not a head count: write e.g. \"10%\"",
       "“fillTo”是组内比例，不是人数：请写成如 \"10%\"")
    case .denominatorTooLarge:
      ("'{1}' is a fraction with a denominator above {2}; write a share with smaller numbers, e.g. \"1/3\" or \"5%\"",
       "“{1}”是分母大于 {2} 的分数；请用较小的数写比例，如 \"1/3\" 或 \"5%\"")
    case .notAShare:
      ("'{1}' is not a share; write a percentage (\"5%\"), a fraction (\"1/3\") or a decimal (0.05)",
       "“{1}”不是比例；请写成百分数（\"5%\"）、分数（\"1/3\"）或小数（0.05）")
    case .plainSharePerGroup:
      ("'{1}' is not a share: a share written as a plain number is below 1 (0.05 is 5%); to count heads per group, give the label '{2}' and each group a whole number here; for everyone write \"100%\"",
       "“{1}”不是比例：写成普通数字的比例小于 1（0.05 即 5%）；要按组计人数，请给该标注设“{2}”，并在这里给每组写一个整数；全体请写 \"100%\"")
    case .plainShareFillTo:
      ("'{1}' is not a share: a share written as a plain number is below 1 (0.05 is 5%); 'fillTo' is a share of the group, e.g. \"10%\"",
       "“{1}”不是比例：写成普通数字的比例小于 1（0.05 即 5%）；“fillTo”是组内比例，如 \"10%\"")
    case .shareFromZero:
      ("a share is at least 0 and at most 100%, not {1}",
       "比例须大于等于 0、至多 100%，不能是 {1}")
    case .shareAboveZero:
      ("a share is above 0 and at most 100%, not {1}",
       "比例须大于 0、至多 100%，不能是 {1}")
    case .headCountNotAShare:
      ("{1} is a head count, a whole number (e.g. 3), not a share such as '{2}'; {3}",
       "{1}是人数，须为整数（如 3），不能是“{2}”这样的比例；{3}")
    case .headCountZero:
      ("{1} 0 counts nobody: give at least 1{2}",
       "{1}为 0 不计任何人：请至少给 1{2}")
    case .cohortLabelAmount:
      ("a cohort label gives exactly one of 'bottom' (倒数比例, e.g. \"5%\"), 'top' (前列比例, e.g. \"10%\"), 'bottomCount' (倒数人数, e.g. 3 for 末位 3 名) or 'topCount' (前列人数, e.g. 1 for 前 1 名)",
       "排名标注须给出且只给出以下之一：“bottom”（倒数比例，如 \"5%\"）、“top”（前列比例，如 \"10%\"）、“bottomCount”（倒数人数，如末位 3 名写 3）或“topCount”（前列人数，如前 1 名写 1）")
    case .fillToNotAbove:
      ("'fillTo' {1} is not above '{2}' {3}: the ranking alone already labels that share, so filling up would never add anyone; raise 'fillTo' or remove it",
       "“fillTo” {1} 不大于“{2}” {3}：仅按排名就已标注了这一比例，补足不会再增加任何人；请调高“fillTo”或删去")
    case .roundingForCountLabel:
      ("'rounding' rounds N × share, and this label counts heads ('{1}'): there is nothing to round; remove 'rounding'",
       "“rounding”舍入的是 N × 比例，而该标注按人数计（“{1}”）：没有要舍入的；请删去“rounding”")
    case .quotaCounts:
      ("a quota counts exactly one of 'grade' (e.g. \"优秀\"), 'grades' (several together, e.g. [\"优秀\", \"良好\"] for 良好及以上), 'stars' (a star level, e.g. 5), 'starsAtLeast' (e.g. 4 for 四星及以上) or 'starsAtMost' (e.g. 2 for 二星及以下)",
       "名额须给出且只给出以下之一：“grade”（如 \"优秀\"）、“grades”（几个等次合计，如良好及以上写 [\"优秀\", \"良好\"]）、“stars”（某一星级，如 5）、“starsAtLeast”（如四星及以上写 4）或“starsAtMost”（如二星及以下写 2）")
    case .quotaLowestGrade:
      ("'{1}' is the lowest grade: subjects over its cap would have no grade to fall to",
       "“{1}”是最低等次：超出其名额的对象没有可降的等次")
    case .hintQuotaGrades:
      ("list the grades counted together, e.g. [\"优秀\", \"良好\"] for 良好及以上",
       "合计的几个等次，如良好及以上写 [\"优秀\", \"良好\"]")
    case .quotaLowestGradeCounted:
      ("'{1}' is the lowest grade: subjects over a cap that counts it would have no grade to fall to",
       "“{1}”是最低等次：超出包含它的名额的对象没有可降的等次")
    case .quotaGradesNotAdjacent:
      ("a cap over several grades counts adjacent ones (e.g. [\"优秀\", \"良好\"] for 良好及以上): those over it fall to the grade just below them; {1} are not adjacent",
       "几个等次合计的名额须是相邻的等次（如良好及以上写 [\"优秀\", \"良好\"]）：超出的对象降到紧挨其下的等次；{1} 不相邻")
    case .noSuchStarLevelForQuota:
      ("there is no {1}-star level; the levels are {2}",
       "没有 {1} 星这一档；已有的星级为 {2}")
    case .quotaNoStars:
      ("the pack rates no stars; add 'stars' or count a 'grade'",
       "规则包不评星级；请加上“stars”，或按“grade”计名额")
    case .quotaStarsAtMostCap:
      ("a cap on 'starsAtMost' has nowhere to move those over it (the levels below are counted too); count them with 'guide' or 'guideCount', or cap higher levels with 'starsAtLeast'",
       "“starsAtMost”的名额上限无处安置超出的对象（其下的星级也都计在内）；请用“guide”或“guideCount”计数，或用“starsAtLeast”为较高星级设上限")
    case .quotaAmount:
      ("a quota gives exactly one of 'atMost' (a hard cap as a share, e.g. \"1/3\": those over it fall to the next grade by rank), 'atMostCount' (a hard cap as a head count, e.g. 2), 'guide' (a guide share, e.g. \"20%\": the deviation is reported, nothing changes) or 'guideCount' (a guide head count)",
       "名额须给出且只给出以下之一：“atMost”（按比例的硬性上限，如 \"1/3\"：超出的按排名降到下一等次）、“atMostCount”（按人数的硬性上限，如 2）、“guide”（指导比例，如 \"20%\"：只报告偏差，不作改动）或“guideCount”（指导人数）")
    case .roundingForCountQuota:
      ("'rounding' rounds N × share, and this quota counts heads ('{1}'): there is nothing to round; remove 'rounding'",
       "“rounding”舍入的是 N × 比例，而该名额按人数计（“{1}”）：没有要舍入的；请删去“rounding”")
    case .onLabelsWithoutCohort:
      ("'onLabels' names labels of the cohort stage, and the pack has none: add 'cohort' with 'labels', or use 'onGrades', 'onVetoes' or 'when'",
       "“onLabels”指向排名阶段的标注，而规则包没有排名阶段：请加上带“labels”的“cohort”，或改用“onGrades”、“onVetoes”或“when”")
    case .hintOnLabels:
      ("list the cohort labels the consequence follows from, e.g. [\"后进\"]",
       "结果运用所依据的排名标注，如 [\"后进\"]")
    case .whatCohortLabelID:
      ("a cohort label id",
       "排名标注 id")
    case .noSuchCohortLabel:
      ("there is no cohort label '{1}'{2}; the labels are {3}",
       "没有排名标注“{1}”{2}；已有的标注为 {3}")
    case .hintCountRounding:
      ("how the head count (N × share) is rounded: \"up\" (进一, ceil(5% × 92) = 5), \"down\" (去尾) or \"nearest\" (四舍五入)",
       "人数（N × 比例）如何取整：\"up\"（进一，ceil(5% × 92) = 5）、\"down\"（去尾）或 \"nearest\"（四舍五入）")
    case .unknownCountRounding:
      ("unknown count rounding '{1}'{2}; use one of {3}",
       "未知的人数取整方式“{1}”{2}；请改为 {3} 之一")
    case .unknownTies:
      ("unknown 'ties' '{1}'{2}; use \"all\" (every subject tied at the limit gets it) or \"none\" (none of them does; the count is never exceeded)",
       "未知的“ties”取值“{1}”{2}；请写 \"all\"（与临界名次并列的对象都标注）或 \"none\"（并列的都不标注；人数决不超出）")
    case .noneWord:
      ("none",
       "无")
    case .whatTieBreaker:
      ("a tie-breaker",
       "并列时的排序依据")
    case .whatQuota:
      ("a quota",
       "名额")
    case .whatTieBreakerNumber:
      ("tie-breaker {1}",
       "第 {1} 个排序依据")
    // MARK: PackCompiler+Missing
    case .theStarLevel:
      ("the {1}-star level",
       "{1} 星级")
    case .usesSkippedPeriod:
      ("{1} uses '{2}', which is left out when {3} is not given ({4}): a skipped period has no value to read; use the aggregate {5} or a check's count, or declare \"whenMissing\": \"zero\", \"carryLast\" or \"error\" for it",
       "{1}用到了“{2}”，而 {3} 没有给出时它不计入（{4}）：不计入的一期没有值可读；请改用汇总值 {5} 或核对的计数，或为它声明 \"whenMissing\": \"zero\"、\"carryLast\" 或 \"error\"")
    case .usesLeftOutInput:
      ("{1} uses '{2}', which is left out when {3} is not given ({4}); use it only in components, or give the input a default",
       "{1}用到了“{2}”，而 {3} 没有给出时它不计入（{4}）；请只在分项中使用它，或给该输入项设默认值")
    case .semicolonJoined:
      ("{1}; {2}",
       "{1}；{2}")
    // MARK: PackCompiler+Periods
    case .onePeriodOf:
      ("one period of {1}({2}), which declares \"whenMissing\": \"{3}\"",
       "{1}({2}) 的某一期，它声明了 \"whenMissing\": \"{3}\"")
    case .whatPeriodDeclaration:
      ("a period declaration",
       "分期汇总")
    case .hintPeriodID:
      ("the name formulas use for the aggregate, e.g. \"日常\"",
       "公式引用汇总值时使用的名称，如 \"日常\"")
    case .whatPeriodName:
      ("a period's name",
       "期的名称")
    case .hintPeriodParts:
      ("the periods in order, e.g. [\"一季度\", \"二季度\", \"三季度\", \"四季度\"]",
       "按顺序列出各期，如 [\"一季度\", \"二季度\", \"三季度\", \"四季度\"]")
    case .giveAPeriod:
      ("list at least one period",
       "请至少列出一期")
    case .periodListedTwice:
      ("a period is listed twice in {1}; give each period once",
       "{1} 中有一期列了两次；每期只列一次")
    case .periodTypeValue:
      ("a period's values are \"number\" or \"integer\", not '{1}'",
       "各期的值为 \"number\" 或 \"integer\"，不能是“{1}”")
    case .unknownAggregate:
      ("unknown aggregate '{1}'{2}; use one of {3}",
       "未知的汇总方式“{1}”{2}；请改为 {3} 之一")
    case .hintAggregate:
      ("how the periods make one value: average (平均), sum (合计), minimum (最低), maximum (最高) or latest (最近一期)",
       "各期如何汇总成一个值：average（平均）、sum（合计）、minimum（最低）、maximum（最高）或 latest（最近一期）")
    case .unknownPeriodWhenMissing:
      ("unknown whenMissing '{1}'{2}; use one of {3}",
       "未知的 whenMissing 取值“{1}”{2}；请改为 {3} 之一")
    case .hintPeriodWhenMissing:
      ("what a missing period does: error (拒绝), skip (不计入), zero (按0计) or carryLast (沿用上一期)",
       "缺少某一期时怎么办：error（拒绝）、skip（不计入）、zero（按0计）或 carryLast（沿用上一期）")
    case .whatPeriodCheck:
      ("a period check",
       "分期核对")
    case .hintPeriodCheckID:
      ("the name formulas use for how many periods fail, e.g. \"低分季度数\"",
       "公式引用未达标期数时使用的名称，如 \"低分季度数\"")
    case .hintPeriodCheckBelow:
      ("the threshold each period is checked against, e.g. 60 (低于60分)",
       "每期要对照的标准，如 60（低于60分）")
    case .hintPeriodMin:
      ("the least value of one period, e.g. 0",
       "一期的最小值，如 0")
    case .hintPeriodMax:
      ("the most value of one period, e.g. 100",
       "一期的最大值，如 100")
    case .minAboveMaxPlain:
      ("'min' ({1}) is above 'max' ({2})",
       "“min”（{1}）大于“max”（{2}）")
    case .maxPerPeriodNotBelowMax:
      ("'maxPerPeriod' ({1}) is not below 'max' ({2}), the most one period may be, so it never caps; lower it, or leave it out",
       "“maxPerPeriod”（{1}）不小于一期可达的最大值“max”（{2}），永远不会封顶；请调低或删去")
    case .maxPerPeriodNotAboveMin:
      ("'maxPerPeriod' ({1}) is not above 'min' ({2}), so every period would count {3} whatever it is; raise it, or leave it out",
       "“maxPerPeriod”（{1}）不大于“min”（{2}），每期无论多少都按 {3} 计；请调高或删去")
    case .checkBelowUnreachable:
      ("each period counts at most {1} ('maxPerPeriod'), so no period can reach {2} and every one would fail; check below {3} or less",
       "每期最多计 {1}（“maxPerPeriod”），任何一期都达不到 {2}，每期都会不达标；请把标准设为 {3} 或更低")
    // MARK: PackCompiler+Ledger
    case .pointsFor:
      ("the points for '{1}'",
       "“{1}”的分值")
    case .pointsAddedAboveZero:
      ("the points added for '{1}' are above 0",
       "“{1}”加的分须大于 0")
    case .pointsDeductedAboveZero:
      ("the points deducted for '{1}' are above 0",
       "“{1}”扣的分须大于 0")
    case .listPointsPerLevel:
      ("list the points per level, e.g. {\"国家级\": 10, \"省级\": 5, \"市级\": 3}",
       "请列出各级别的分值，如 {\"国家级\": 10, \"省级\": 5, \"市级\": 3}")
    case .listPointsPerSeverity:
      ("list the points per severity, e.g. {\"一般\": 1, \"较重\": 3, \"严重\": 5}",
       "请列出各情节的分值，如 {\"一般\": 1, \"较重\": 3, \"严重\": 5}")
    case .theLedgerRule:
      ("the '{1}' ledger rule",
       "台账规则“{1}”")
    case .theWhenOf:
      ("the 'when' of {1}",
       "{1}的“when”")
    case .theSuspendedWhileOf:
      ("the 'suspendedWhile' of {1}",
       "{1}的“suspendedWhile”")
    case .checkAtNotMonthEnd:
      ("'{1}' takes the balance on the last day of each month of the ledger's year, the last being 'asOf'; 'asOf' {2} is not the last day of a month — close the ledger on one (e.g. {3})",
       "“{1}”在台账年度每月的最后一天取余额，最后一次即“asOf”；“asOf” {2} 不是月末——请把台账截止日设在月末（如 {3}）")
    case .checkAtNotQuarterEnd:
      ("'{1}' takes the balance on the last day of each quarter of the ledger's year, the last being 'asOf'; 'asOf' {2} is not the last day of a quarter — close the ledger on one (e.g. {3})",
       "“{1}”在台账年度每季度的最后一天取余额，最后一次即“asOf”；“asOf” {2} 不是季度末——请把台账截止日设在季度末（如 {3}）")
    case .checkAtNotHalfYearEnd:
      ("'{1}' takes the balance on the last day of each half-year of the ledger's year, the last being 'asOf'; 'asOf' {2} is not the last day of a half-year — close the ledger on one (e.g. {3})",
       "“{1}”在台账年度每半年的最后一天取余额，最后一次即“asOf”；“asOf” {2} 不是半年末——请把台账截止日设在半年末（如 {3}）")
    case .ledgerConditionLeftOut:
      ("{1} uses '{2}', which is left out when it is not given ({3}); a ledger's conditions are decided for every subject — give the input a default, or declare it required",
       "{1}用到了“{2}”，而它没有给出时不计入（{3}）；台账的条件要对每个对象作出判断——请给该输入项设默认值，或声明为必填")
    case .whatLedger:
      ("the ledger",
       "积分台账")
    case .hintLedgerID:
      ("the name formulas use for the points total, e.g. \"积分\"",
       "公式引用积分合计时使用的名称，如 \"积分\"")
    case .hintAsOf:
      ("the day the ledger is closed (YYYY-MM-DD); expiry windows count back from it",
       "台账截止日（YYYY-MM-DD）；有效期从这一天往前算")
    case .notADateYMD:
      ("'{1}' is not a date written YYYY-MM-DD",
       "“{1}”不是写作 YYYY-MM-DD 的日期")
    case .hintLedgerBase:
      ("the points every subject starts from (基础分), e.g. 60, or 0",
       "每个对象的起始积分（基础分），如 60 或 0")
    case .whatCarryOver:
      ("the carry-over",
       "结转")
    case .hintCarryInput:
      ("the number input holding last year's total, e.g. \"上年积分\"",
       "存放上年积分的数字输入项，如 \"上年积分\"")
    case .noSuchNumberInput:
      ("there is no number input '{1}'{2}; declare it in 'inputs'",
       "没有数字输入项“{1}”{2}；请在“inputs”中声明")
    case .hintCarryShare:
      ("the share of last year's total carried over, e.g. \"10%\"",
       "上年积分结转的比例，如 \"10%\"")
    case .whatLedgerCategory:
      ("a ledger category",
       "积分类别")
    case .hintCategoryLabel:
      ("the category's name, e.g. \"学习教育\"",
       "类别名称，如 \"学习教育\"")
    case .categoryListedTwice:
      ("the category '{1}' is listed twice",
       "类别“{1}”列了两次")
    case .hintCategoryMax:
      ("the most its rules add (and deduct) in the year, e.g. 20",
       "该类规则一年内最多加（和扣）的分，如 20")
    case .maxNotAboveZero:
      ("'max' is above 0, not {1}",
       "“max”须大于 0，不能是 {1}")
    case .whatLedgerRule:
      ("a ledger rule",
       "台账规则")
    case .hintLedgerKind:
      ("the event kind it scores, as events write it, e.g. \"集中学习\"",
       "它计分的事件类别，与事件中写法一致，如 \"集中学习\"")
    case .kindAlreadyHasRule:
      ("the event kind '{1}' already has a rule for every subject (at {2}, without 'when'), so this one is never used; give the earlier rule a 'when' (of a kind's rules the first whose 'when' holds applies), or give each kind one rule",
       "事件类别“{1}”已有一条适用于所有对象的规则（在 {2}，没有“when”），所以这一条永远用不到；请给前一条规则加“when”（同类规则中取第一条“when”成立的），或每类只写一条规则")
    case .ledgerRuleEffect:
      ("a ledger rule gives exactly one of 'award' (points added each time, or by level {\"国家级\": 10, \"省级\": 5}), 'deduct' (points deducted each time, or by severity {\"一般\": 1, \"严重\": 5}) or 'reset' (true: the total is reset to 0)",
       "台账规则须给出且只给出以下之一：“award”（每次加的分，或按级别 {\"国家级\": 10, \"省级\": 5}）、“deduct”（每次扣的分，或按情节 {\"一般\": 1, \"严重\": 5}）或“reset”（true：积分清零）")
    case .awardAboveZero:
      ("'award' is the points added each time, above 0",
       "“award”是每次加的分，须大于 0")
    case .deductAboveZero:
      ("'deduct' is the points deducted each time, above 0",
       "“deduct”是每次扣的分，须大于 0")
    case .resetIsTrue:
      ("'reset' is true (the total is reset to 0), or leave it out",
       "“reset”为 true（积分清零），否则请删去")
    case .noSuchCategory:
      ("there is no category '{1}'{2}; declare it in 'categories'",
       "没有类别“{1}”{2}；请在“categories”中声明")
    case .repeatOnlyForDeduct:
      ("only a 'deduct' rule takes 'repeatWithinDays'",
       "只有“deduct”规则才有“repeatWithinDays”")
    case .resetTakesNo:
      ("a 'reset' rule takes no '{1}': it resets the whole total",
       "“reset”规则没有“{1}”：它把整个积分清零")
    case .highestOnlyForDeductions:
      ("deductions that name the same 'incident' always count only the highest; 'highestOnly' is for 'award' rules — leave it out",
       "同一“incident”的扣分总是只计最高的一项；“highestOnly”用于“award”规则——请删去")
    case .highestOnlyOnlyForAward:
      ("only an 'award' rule takes 'highestOnly'",
       "只有“award”规则才有“highestOnly”")
    case .suspendedOnlyForAward:
      ("only an 'award' rule is suspended (its awards recorded, not counted); deductions and resets always count — leave 'suspendedWhile' out",
       "只有“award”规则可以暂停（加分照记，但不计入）；扣分和清零总是计入——请删去“suspendedWhile”")
    case .maxPerPeriodNotPositive:
      ("'maxPerPeriod' is the most the rule adds or deducts in one period, above 0, not {1}",
       "“maxPerPeriod”是该规则一期内最多加或扣的分，须大于 0，不能是 {1}")
    case .maxPerPeriodNotBelowYear:
      ("'maxPerPeriod' ({1}) is not below the year's 'max' ({2}), so it never caps before 'max' does; lower it, or leave it out",
       "“maxPerPeriod”（{1}）不小于全年的“max”（{2}），在“max”之前永远不会封顶；请调低或删去")
    case .unknownLedgerPeriod:
      ("unknown period '{1}'{2}; use month (每月), quarter (每季度) or halfYear (每半年)",
       "未知的期“{1}”{2}；请改为 month（每月）、quarter（每季度）或 halfYear（每半年）")
    case .hintLedgerPeriod:
      ("'maxPerPeriod' counts in calendar periods: \"month\" (每月), \"quarter\" (每季度) or \"halfYear\" (每半年)",
       "“maxPerPeriod”按自然期计：\"month\"（每月）、\"quarter\"（每季度）或 \"halfYear\"（每半年）")
    case .periodWithoutMaxPerPeriod:
      ("'period' says how long 'maxPerPeriod' runs; give 'maxPerPeriod' too (e.g. \"maxPerPeriod\": 1, \"period\": \"quarter\": 每季度最多 1 分), or leave 'period' out",
       "“period”说明“maxPerPeriod”按多长的期计；请同时给出“maxPerPeriod”（如 \"maxPerPeriod\": 1, \"period\": \"quarter\"：每季度最多 1 分），或删去“period”")
    case .exemptWithoutCategory:
      ("'exemptFromCap' exempts from the category's cap; this rule has no 'category'",
       "“exemptFromCap”免受类别上限的限制；而该规则没有“category”")
    case .hintLedgerRules:
      ("the event kinds and their points, e.g. {\"kind\": \"集中学习\", \"award\": 2, \"max\": 10}",
       "事件类别及其分值，如 {\"kind\": \"集中学习\", \"award\": 2, \"max\": 10}")
    case .whatLedgerCheck:
      ("a ledger check",
       "台账核对")
    case .hintLedgerCheckID:
      ("the name formulas use for how many period ends fall below, e.g. \"低分季度数\"",
       "公式引用低于标准的期末次数时使用的名称，如 \"低分季度数\"")
    case .unknownCheckAt:
      ("unknown 'checkAt' '{1}'{2}; use monthEnds (每月末), quarterEnds (每季度末) or halfYearEnds (每半年末)",
       "未知的“checkAt”取值“{1}”{2}；请改为 monthEnds（每月末）、quarterEnds（每季度末）或 halfYearEnds（每半年末）")
    case .hintCheckAt:
      ("when the balance is taken: \"monthEnds\" (每月末), \"quarterEnds\" (每季度末) or \"halfYearEnds\" (每半年末)",
       "何时取余额：\"monthEnds\"（每月末）、\"quarterEnds\"（每季度末）或 \"halfYearEnds\"（每半年末）")
    case .hintLedgerCheckBelow:
      ("the threshold the balance is checked against, e.g. 60 (低于60分)",
       "余额要对照的标准，如 60（低于60分）")
    // MARK: PackCompiler+Requires
    case .hintRequires:
      ("the list of host functions the pack calls, e.g. [{\"name\": \"职级系数\", …}]",
       "规则包调用的宿主函数列表，如 [{\"name\": \"职级系数\", …}]")
    case .hostFunctionTwice:
      ("the host function '{1}' is already declared at {2}; declare it once",
       "宿主函数“{1}”已在 {2} 声明；只能声明一次")
    case .hostFunctionNotProvided:
      ("this pack calls the host function {1}, which the program loading it does not provide; load the pack from a program that registers it (RulePack.load(…, functions: […])) — pbk provides no host functions, so 'pbk validate' and 'pbk test' check such a pack but cannot evaluate it",
       "该规则包调用了宿主函数 {1}，而载入它的程序不提供；请由登记了该函数的程序载入（RulePack.load(…, functions: […])）——pbk 不提供宿主函数，所以“pbk validate”和“pbk test”能检查这样的规则包，但不能用它评价")
    case .hostFunctionMismatch:
      ("the pack declares {1}, but the host's function is {2}; make the declaration match what the host provides",
       "规则包声明的是 {1}，而宿主提供的函数是 {2}；请使声明与宿主提供的一致")
    case .whatHostFunction:
      ("a host function",
       "宿主函数")
    case .hintHostFunctionName:
      ("the name formulas call it by, e.g. \"职级系数\"",
       "公式调用它时使用的名称，如 \"职级系数\"")
    case .hostFunctionBuiltIn:
      ("'{1}' is a built-in function; give the host function another name (built-in names are matched without regard to case)",
       "“{1}”是内置函数；请给宿主函数另起名称（内置函数名不区分大小写）")
    case .hostFunctionBadName:
      ("'{1}' cannot be called in a formula; a function name starts with a letter or '_' and holds only letters, digits and '_' (e.g. 职级系数 or grade_rate), and is not a word of the formula language",
       "“{1}”不能在公式中调用；函数名以字母或“_”开头，只含字母、数字和“_”（如 职级系数 或 grade_rate），且不能是公式语言的关键字")
    case .whatArgumentType:
      ("an argument type",
       "参数类型")
    case .unknownArgumentType:
      ("unknown argument type '{1}'; an argument is \"number\" or \"boolean\" (true/false)",
       "未知的参数类型“{1}”；参数为 \"number\" 或 \"boolean\"（true/false）")
    case .hintArguments:
      ("the types of its arguments in order, e.g. [\"number\"] (or [] for none)",
       "按顺序列出各参数的类型，如 [\"number\"]（没有参数写 []）")
    case .unknownResultType:
      ("unknown result type '{1}'; a result is \"number\" or \"boolean\" (true/false)",
       "未知的结果类型“{1}”；结果为 \"number\" 或 \"boolean\"（true/false）")
    case .whatResult:
      ("the result",
       "结果")
    case .unknownResultTypeShort:
      ("unknown result type '{1}'; a result is \"number\" or \"boolean\"",
       "未知的结果类型“{1}”；结果为 \"number\" 或 \"boolean\"")
    case .booleanResultNoRange:
      ("a true/false result has no 'min', 'max' or 'places'; remove them",
       "true/false 结果没有“min”、“max”或“places”；请删去")
    case .resultMinAboveMax:
      ("the result's 'min' {1} is greater than its 'max' {2}; swap them",
       "结果的“min” {1} 大于其“max” {2}；请对调")
    case .resultMinAndMax:
      ("give the result both 'min' and 'max' (the range its value always lies in), or neither",
       "请给结果同时设“min”和“max”（其值总在此范围内），或都不设")
    case .hintResult:
      ("what it gives: {\"type\": \"number\", \"min\": 0, \"max\": 10} or \"boolean\" (true/false)",
       "它返回什么：{\"type\": \"number\", \"min\": 0, \"max\": 10} 或 \"boolean\"（true/false）")
    // MARK: PackTestCase
    case .testExpectedMessageContaining:
      ("error: expected a message containing '{1}', got '{2}'",
       "错误：应为包含“{1}”的消息，实际是“{2}”")
    case .testSubjectRejected:
      ("the subject was rejected: {1}",
       "该对象被拒绝：{1}")
    case .testExpectedRejection:
      ("error: expected the subject to be rejected with '{1}', but it was assessed",
       "错误：应以“{1}”拒绝该对象，但它被评价了")
    case .testPlainDiffers:
      ("scored without an explanation, the result differs in {1} (please report this as a bug)",
       "不带说明计分时，结果在 {1} 上不同（请作为缺陷报告）")
    case .testPlainRejected:
      ("scored without an explanation, the subject was rejected (please report this as a bug)",
       "不带说明计分时，该对象被拒绝（请作为缺陷报告）")
    case .testWhatItTakes:
      ("what it takes: expected '{1}', got '{2}'",
       "提升所需：应为“{1}”，实际是“{2}”")
    case .testMemberFailure:
      ("{1}: {2}",
       "{1}：{2}")
    case .testRank:
      ("排名 rank: expected {1}, got {2}",
       "排名：应为 {1}，实际是 {2}")
    case .noRank:
      ("no rank",
       "无排名")
    case .testCohortSize:
      ("cohort size: expected {1}, got {2}",
       "排名人数：应为 {1}，实际是 {2}")
    case .testLabels:
      ("labels: expected {1}, got {2}",
       "排名标注：应为 {1}，实际是 {2}")
    case .testExpectedValid:
      ("void: expected a valid result, got void ({1})",
       "无效：应为有效结果，实际无效（{1}）")
    case .testExpectedVoid:
      ("void: expected a void result with '{1}', got {2}",
       "无效：应为含“{1}”的无效结果，实际是{2}")
    case .voidWithReason:
      ("void ({1})",
       "无效（{1}）")
    case .aValidResult:
      ("a valid result",
       "有效结果")
    case .testTotal:
      ("总分 total: expected {1}, got {2}",
       "总分：应为 {1}，实际是 {2}")
    case .testComponent:
      ("component '{1}': expected {2}, got {3}",
       "分项“{1}”：应为 {2}，实际是 {3}")
    case .testSection:
      ("section '{1}': expected {2}, got {3}",
       "小项“{1}”：应为 {2}，实际是 {3}")
    case .testOutcome:
      ("outcome '{1}': expected {2}, got {3}",
       "结果项“{1}”：应为 {2}，实际是 {3}")
    case .testGrade:
      ("等次 grade: expected {1}, got {2}",
       "等次：应为 {1}，实际是 {2}")
    case .noGrade:
      ("no grade",
       "无等次")
    case .testStars:
      ("星级 stars: expected {1}, got {2}",
       "星级：应为 {1}，实际是 {2}")
    case .testStarItems:
      ("star items: expected {1}, got {2}",
       "星级条件：应为 {1}，实际是 {2}")
    case .testVetoes:
      ("一票否决 vetoes: expected {1}, got {2}",
       "一票否决：应为 {1}，实际是 {2}")
    case .testConsequences:
      ("consequences: expected {1}, got {2}",
       "结果运用：应为 {1}，实际是 {2}")
    case .whatTestCase:
      ("a test case",
       "测试用例")
    case .hintTestName:
      ("what the case checks, e.g. \"恰好90分为优秀\"",
       "该用例检验什么，如 \"恰好90分为优秀\"")
    case .whatTestSubject:
      ("the test's subject",
       "测试对象")
    case .hintTestInputs:
      ("the facts of the case, e.g. {\"daily\": 90}",
       "该用例的事实数据，如 {\"daily\": 90}")
    case .cohortCaseWithoutCohort:
      ("a cohort case needs the pack's 'cohort' stage; add one, or test one subject at a time",
       "排名用例需要规则包的“cohort”排名阶段；请加上，或逐个对象测试")
    case .hintCohortMembers:
      ("list the subjects of the cohort case",
       "列出排名用例的各对象")
    case .whatCohortMember:
      ("a cohort member",
       "排名用例的对象")
    case .memberIDTwice:
      ("the id '{1}' is used twice in this case",
       "本用例中 id“{1}”用了两次")
    case .whatMemberAttributes:
      ("the member's attributes",
       "对象的属性")
    case .hintExpect:
      ("the expected result, e.g. {\"total\": 85.5, \"grade\": \"良好\"}",
       "预期结果，如 {\"total\": 85.5, \"grade\": \"良好\"}")
    case .whatTestFunctions:
      ("the test's host function results",
       "测试给出的宿主函数结果")
    case .functionsWithoutRequires:
      ("'functions' gives the results of host functions; the pack declares none in 'requires'",
       "“functions”给出宿主函数的结果，而规则包在“requires”中没有声明任何宿主函数")
    case .whatCallResult:
      ("a call's result",
       "一次调用的结果")
    case .callArgumentCount:
      ("{1} takes {2} argument(s), but {3} are given; it is declared as {4}",
       "{1} 有 {2} 个参数，但给出了 {3} 个；其声明为 {4}")
    case .anArgumentOf:
      ("an argument of {1}",
       "{1} 的参数")
    case .hintCallArguments:
      ("the arguments of the call, e.g. [12]",
       "调用的参数，如 [12]")
    case .hintCallResult:
      ("what the call gives, e.g. 1.2",
       "调用返回的值，如 1.2")
    case .callArgumentsTwice:
      ("these arguments are already given a result above; give each list of arguments once",
       "这组参数在上面已给过结果；每组参数只给一次")
    case .whatTestEvents:
      ("the test's events",
       "测试的事件")
    case .eventsWithoutLedger:
      ("'events' are read by a points ledger; the pack has no 'ledger'",
       "“events”由积分台账读取，而规则包没有“ledger”")
    case .whatTestInputs:
      ("the test's inputs",
       "测试的输入")
    case .thePartsOf:
      ("the parts of '{1}'",
       "“{1}”的各期")
    case .whatExpectedResult:
      ("the expected result",
       "预期结果")
    case .theResultOf:
      ("the result of {1}",
       "{1} 的结果")
    case .hostResultNotAllowed:
      ("{1} {2}; give a result its declaration allows",
       "{1} {2}；请给出其声明允许的结果")
    case .hostGaveForCondition:
      ("gave {1} for a condition",
       "作为条件返回了 {1}")
    case .hostGaveOutsideRange:
      ("gave {1}, outside the declared range {2}…{3}",
       "返回了 {1}，超出声明的范围 {2}…{3}")
    case .hostGaveTooManyPlaces:
      ("gave {1}, with more than the declared {2} decimal places",
       "返回了 {1}，小数位多于声明的 {2} 位")
    case .whatInputValue:
      ("an input value",
       "输入值")
    case .numberLostExactness:
      ("{1} — write it as the document gives it: a value such as 7.59999999999999964 is a sign of a spreadsheet or script export that lost exactness",
       "{1}——请按文件中的写法填写：7.59999999999999964 这样的值说明是从电子表格或脚本导出时丢失了精度")
    case .inputValueKind:
      ("an input value is a number, true/false or text, not {1}",
       "输入值须为数字、true/false 或文本，不能是{1}")
    case .noSuchGradeOrNull:
      ("there is no grade '{1}'{2}; the grades are {3}, or null for no grade",
       "没有等次“{1}”{2}；已有的等次为 {3}，无等次写 null")
    case .nounComponent:
      ("component",
       "分项")
    case .nounSection:
      ("section",
       "小项")
    case .nounOutcome:
      ("outcome",
       "结果项")
    case .nounStarItem:
      ("star item",
       "星级条件")
    case .nounVeto:
      ("veto",
       "一票否决")
    case .nounConsequence:
      ("consequence",
       "结果运用")
    case .nounCohortLabel:
      ("cohort label",
       "排名标注")
    case .whatVoid:
      ("'void' (text the reason contains, or false)",
       "“void”（无效原因中包含的文字，或 false）")
    case .caseExpectsNothing:
      ("the case expects nothing; give at least 'total' or 'grade'",
       "该用例没有任何预期；请至少给出“total”或“grade”")
    case .expectedScoresOf:
      ("expected {1} scores",
       "预期的{1}得分")
    case .theExpectedPlural:
      ("the expected {1}s",
       "预期的{1}")
    case .anIDOf:
      ("a {1} id",
       "{1}的 id")
    case .noSuchExpectedID:
      ("there is no {1} '{2}'{3}; the {4}s are {5}",
       "没有{1}“{2}”{3}；已有的{4}为 {5}")
    // MARK: RulePack
    case .packPathIsFolder:
      ("'{1}' is a folder; give the pack.json file in it",
       "“{1}”是文件夹；请给出其中的 pack.json 文件")
    case .cannotReadPackFile:
      ("cannot read the file: {1}; check the path",
       "无法读取该文件：{1}；请检查路径")
    case .packTooLarge:
      ("the pack is {1} bytes, more than the most a pack may be ({2} bytes, 1 MiB); split the scheme into several packs, or shorten long texts such as 'excerpt'",
       "规则包有 {1} 字节，超过规则包的上限（{2} 字节，1 MiB）；请把方案拆成几个规则包，或缩短“excerpt”等长文本")
    case .packNotCheckedCompletely:
      ("this pack could not be checked completely ({1} parts left unknown without a problem reported); please report it as a bug in PartyBuildingKit",
       "该规则包未能完整检查（有 {1} 处未确定，却没有报告问题）；请作为 PartyBuildingKit 的缺陷报告")
    case .packModelUnreadable:
      ("this pack loads, but its model could not be read ({1}); please report it as a bug in PartyBuildingKit",
       "该规则包可以载入，但其模型无法读取（{1}）；请作为 PartyBuildingKit 的缺陷报告")
    case .modelNotWritten:
      ("the model could not be written as a pack: {1}",
       "无法把模型写成规则包：{1}")
    case .itIsAFolderShort:
      ("it is a folder",
       "它是文件夹")
    case .systemGaveError:
      ("the system gave error {1}",
       "系统返回错误 {1}")
    case .systemCouldNotRead:
      ("the system could not read it",
       "系统无法读取")
    // MARK: RulePack+WhatItTakes
    case .stepOnlyForNumbers:
      ("only a number or integer input has a 'step'; remove it",
       "只有 number 或 integer 类型的输入项才有“step”；请删去")
    case .stepNotPositive:
      ("'step' must be above 0, not {1}",
       "“step”须大于 0，不能是 {1}")
    case .integerStepNotWhole:
      ("an integer input's 'step' must be a whole number, not {1}",
       "整数输入项的“step”须为整数，不能是 {1}")
    // MARK: JSONParser
    case .jsonEmpty:
      ("no JSON value: the input is empty or holds only whitespace; write a value such as an object { ... }",
       "没有 JSON 值：输入为空或只有空白；请写一个值，如对象 { ... }")
    case .jsonUTF16:
      ("the file is UTF-16 text, not UTF-8; save it as UTF-8 and try again",
       "该文件是 UTF-16 文本，不是 UTF-8；请另存为 UTF-8 后重试")
    case .jsonAfterValue:
      ("unexpected {1} after the JSON value that starts at {2}; the input must hold exactly one value — to give several, put them in a list [ ... ] separated by commas",
       "在 {2} 处开始的 JSON 值之后出现了多余的{1}；输入只能有一个值——要给出多个，请把它们放在列表 [ ... ] 中，用逗号隔开")
    case .jsonTooDeep:
      ("lists and objects are nested more than {1} levels deep here; flatten the structure",
       "此处列表和对象嵌套超过 {1} 层；请减少嵌套")
    case .jsonTrailingComma:
      ("a comma must be followed by another {1}, but '{2}' follows; remove the comma before '{3}'",
       "逗号后面应再跟一个{1}，但跟的是“{2}”；请删去“{3}”前的逗号")
    case .jsonDuplicateKey:
      ("duplicate key '{1}'; it was first given at {2}; keep one",
       "键“{1}”重复；它首次出现在 {2}；请只保留一个")
    case .jsonExpectedColon:
      ("expected ':' after the key '{1}', found {2}; put a colon between a key and its value",
       "键“{1}”后面应为“:”，实际是{2}；请在键和值之间加冒号")
    case .jsonComments:
      ("JSON does not allow comments; put notes in a \"note\" field",
       "JSON 不允许注释；说明请写在 \"note\" 字段中")
    case .jsonUnclosedText:
      ("unexpected end of file inside the text that starts at {1}; the closing '\"' is missing — the file may be truncated",
       "在 {1} 处开始的文本没有结束就到了文件末尾；缺少结束的“\"”——文件可能不完整")
    case .jsonFirstHalfSurrogate:
      ("the escape \\u{1} is the first half of a surrogate pair, but no second half (\\uDC00 to \\uDFFF) follows; write the character itself or give both halves",
       "转义 \\u{1} 是代理对的前半，但后面没有后半（\\uDC00 到 \\uDFFF）；请直接写出该字符，或给出前后两半")
    case .jsonSecondHalfSurrogate:
      ("the escape \\u{1} is the second half of a surrogate pair without a first half (\\uD800 to \\uDBFF) before it; write the character itself or give both halves",
       "转义 \\u{1} 是代理对的后半，但前面没有前半（\\uD800 到 \\uDBFF）；请直接写出该字符，或给出前后两半")
    case .jsonBackslashFollowedBy:
      ("'\\' followed by {1}",
       "'\\' 后面跟着{1}")
    case .jsonInvalidEscape:
      ("invalid escape {1} in text; the escapes JSON knows are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX — to write a backslash (as in a Windows path), double it: \\\\",
       "文本中有无效的转义 {1}；JSON 认识的转义为 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX——要写反斜杠（如 Windows 路径），请写两个：\\\\")
    case .jsonInvalidUnicodeEscape:
      ("invalid escape '{1}'; \\u must be followed by exactly 4 hex digits (0-9, A-F), e.g. \\u4E66",
       "无效的转义“{1}”；\\u 后面须紧跟 4 位十六进制数字（0-9、A-F），如 \\u4E66")
    case .jsonChineseQuoteHint:
      (" (the '”' in it is a Chinese quote; JSON needs the plain '\"')",
       "（其中的“””是中文引号；JSON 需要半角的“\"”）")
    case .jsonLineBreakInText:
      ("line break inside text; the text that starts at {1} may be missing its closing '\"'{2} — or, to keep the line break, write it as \\n",
       "文本中有换行；在 {1} 处开始的文本可能缺少结束的“\"”{2}——如要保留换行，请写作 \\n")
    case .jsonTabInText:
      ("tab character inside text; write it as \\t",
       "文本中有制表符；请写作 \\t")
    case .jsonControlInText:
      ("control character U+{1} inside text; remove it or write it as \\u{2}",
       "文本中有控制字符 U+{1}；请删去，或写作 \\u{2}")
    case .jsonMinusInfinity:
      ("'-Infinity' is not a number JSON allows; use null or write a number",
       "“-Infinity”不是 JSON 允许的数；请用 null 或写一个数")
    case .jsonDigitAfterMinus:
      ("'{1}' is not a valid number; a digit must follow '-'",
       "“{1}”不是有效的数；“-”后面须跟数字")
    case .jsonLeadingZero:
      ("the number '{1}' has a leading zero; remove it, or put codes such as \"{2}\" in double quotes",
       "数“{1}”有前导零；请删去，或把 \"{2}\" 这样的编码放在双引号中")
    case .jsonDigitAfterPoint:
      ("'{1}' is not a valid number; a digit must follow the decimal point — write {2} or {3}0",
       "“{1}”不是有效的数；小数点后面须跟数字——请写 {2} 或 {3}0")
    case .jsonExponentDigits:
      ("'{1}' is not a valid number; the exponent needs digits, e.g. 1e2",
       "“{1}”不是有效的数；指数需要数字，如 1e2")
    case .jsonInvalidNumber:
      ("'{1}' is not a valid number; write digits with an optional '-', decimal point and exponent (e.g. 85.5), or put text in double quotes",
       "“{1}”不是有效的数；请写数字，可带“-”、小数点和指数（如 85.5），文本请放在双引号中")
    case .jsonWriteLowercase:
      ("'{1}' is not a JSON value; write {2} in lowercase",
       "“{1}”不是 JSON 值；请用小写写作 {2}")
    case .jsonNotANumberWord:
      ("'{1}' is not a number JSON allows; use null or write a number",
       "“{1}”不是 JSON 允许的数；请用 null 或写一个数")
    case .jsonSingleQuotedText:
      ("single quotes are not allowed around text; use double quotes (\"...\")",
       "文本不能用单引号；请用双引号（\"...\"）")
    case .jsonPlusSign:
      ("a number may not start with '+'; remove the plus sign",
       "数不能以“+”开头；请删去加号")
    case .jsonStartWithDigit:
      ("a number must start with a digit; write 0{1}",
       "数须以数字开头；请写作 0{1}")
    case .jsonBareText:
      ("unexpected text '{1}'; put text in double quotes (\"{2}\") — the only words JSON allows without quotes are true, false and null",
       "多余的文本“{1}”；文本请放在双引号中（\"{2}\"）——JSON 中不带引号的词只有 true、false 和 null")
    case .jsonExpectedValue:
      ("expected a value (an object, a list, text in double quotes, a number, true, false or null), found {1}{2}",
       "此处应为一个值（对象、列表、双引号中的文本、数、true、false 或 null），实际是{1}{2}")
    case .jsonAsValueOf:
      (" as the value of '{1}'",
       "（作为“{1}”的值）")
    case .jsonInListOpenedAt:
      (" in the list opened at {1}",
       "（在 {1} 处开始的列表中）")
    case .jsonSingleQuotedKey:
      ("single quotes are not allowed around keys; use double quotes (\"...\")",
       "键不能用单引号；请用双引号（\"...\"）")
    case .jsonUnquotedKey:
      ("object keys must be in double quotes; write \"{1}\"",
       "对象的键须放在双引号中；请写作 \"{1}\"")
    case .jsonOrCloseBrace:
      (" or '}'",
       "或“}”")
    case .jsonExpectedKey:
      ("expected a key in double quotes{1}, found {2}",
       "此处应为双引号中的键{1}，实际是{2}")
    case .jsonTheValueOf:
      ("the value of '{1}'",
       "“{1}”的值")
    case .jsonAListItem:
      ("a list item",
       "列表项")
    case .jsonExpectedCommaOrCloser:
      ("expected ',' or '{1}' after {2}, found {3}",
       "{2}之后应为“,”或“{1}”，实际是{3}")
    case .jsonCloseWith:
      ("; the {1} opened at {2} must be closed with '{3}'",
       "；在 {2} 处开始的{1}须用“{3}”结束")
    case .jsonCommaInsideQuotes:
      ("this text ends with a comma inside its quotes, so no comma follows it (at {1} comes {2} where ',' or '{3}' should be); put the comma after the closing '\"'",
       "该文本的结束引号内有一个逗号，所以它后面没有逗号（{1} 处是{2}，而这里应是“,”或“{3}”）；请把逗号放到结束的“\"”之后")
    case .jsonAddCommaMembers:
      ("; add a comma between members",
       "；请在成员之间加逗号")
    case .jsonAddCommaItems:
      ("; add a comma between items",
       "；请在列表项之间加逗号")
    case .jsonUnclosedContainer:
      ("unexpected end of file; the {1} opened at {2} is not closed — the file may be truncated",
       "文件意外结束；在 {2} 处开始的{1}没有结束——文件可能不完整")
    case .jsonValueIncomplete:
      ("the value that starts at {1} is not complete",
       "在 {1} 处开始的值不完整")
    case .jsonValueMissing:
      ("a value is missing",
       "缺少一个值")
    case .jsonUnexpectedEnd:
      ("unexpected end of file; {1} — the file may be truncated",
       "文件意外结束；{1}——文件可能不完整")
    case .jsonFullWidth:
      ("'{1}' is full-width (Chinese) punctuation; JSON needs the plain '{2}' here — switch the input method to English (半角) punctuation and retype it",
       "“{1}”是全角（中文）标点；此处 JSON 需要半角的“{2}”——请把输入法切换到英文（半角）标点后重新输入")
    case .jsonNotUTF8:
      ("the text is not valid UTF-8 here (byte 0x{1}); the file may be saved as GBK/GB18030 — save it as UTF-8 and try again",
       "此处文本不是有效的 UTF-8（字节 0x{1}）；文件可能是按 GBK/GB18030 保存的——请另存为 UTF-8 后重试")
    case .jsonControlCharacter:
      ("control character U+{1}",
       "控制字符 U+{1}")
    case .jsonMember:
      ("member",
       "成员")
    case .jsonItem:
      ("item",
       "列表项")
    case .jsonObjectWord:
      ("object",
       "对象")
    case .jsonListWord:
      ("list",
       "列表")
    case .jsonByte:
      ("byte 0x{1}",
       "字节 0x{1}")
    case .jsonThen:
      ("{1}{2}",
       "{1}{2}")
    case .jsonTextUnclosedMembers:
      ("; the text that starts at {1} may be missing its closing '\"' (it ended at the '\"' just before this), or a comma is missing between members",
       "；在 {1} 处开始的文本可能缺少结束的“\"”（它在此前的“\"”处结束了），或成员之间缺少逗号")
    case .jsonTextUnclosedItems:
      ("; the text that starts at {1} may be missing its closing '\"' (it ended at the '\"' just before this), or a comma is missing between items",
       "；在 {1} 处开始的文本可能缺少结束的“\"”（它在此前的“\"”处结束了），或列表项之间缺少逗号")
    // MARK: FormulaLexer
    case .fxAmpersand:
      ("unexpected '&'; write 'and' (or '&&') to combine conditions",
       "多余的“&”；组合条件请写 'and'（或 '&&'）")
    case .fxBar:
      ("unexpected '|'; write 'or' (or '||') to combine conditions",
       "多余的“|”；组合条件请写 'or'（或 '||'）")
    case .fxPower:
      ("'^' (power) is not supported; multiply instead, e.g. x * x",
       "不支持“^”（乘方）；请改用乘法，如 x * x")
    case .fxSemicolon:
      ("unexpected ';'; separate function arguments with ','",
       "多余的“;”；函数的参数请用“,”分隔")
    case .fxNoOpenBracket:
      ("unexpected '{1}'; there is no '[' before it",
       "多余的“{1}”；它前面没有“[”")
    case .fxUnexpectedCharacter:
      ("unexpected character '{1}'; if it is part of a name, write the whole name in square brackets, e.g. [a{2}b]",
       "意外的字符“{1}”；如果它是名称的一部分，请把整个名称写在方括号中，如 [a{2}b]")
    case .fxTooManyDecimals:
      ("this number has more than 18 decimal places; shorten it to at most 18",
       "这个数的小数超过 18 位；请缩短到 18 位以内")
    case .fxNumberTooLarge:
      ("this number is too large; numbers must stay below 9223372036854775808 (at most 19 digits in all)",
       "这个数太大；数必须小于 9223372036854775808（总共最多 19 位）")
    case .fxTextUnclosed:
      ("this text has no closing quote; add {1} at its end",
       "这段文本没有结束的引号；请在末尾加上 {1}")
    case .fxBracketUnclosed:
      ("this '{1}' has no closing '{2}'; add '{3}' after the name",
       "这个“{1}”没有对应的“{2}”；请在名称后加上“{3}”")
    case .fxEmptyBrackets:
      ("there is no name between the brackets; write the name inside them, e.g. [村(社区)得分]",
       "方括号中没有名称；请把名称写在里面，如 [村(社区)得分]")
    // MARK: FormulaParser
    case .fxTooLong:
      ("this formula is too long ({1} characters; the limit is {2}); split it into several named values",
       "公式太长（{1} 个字符；上限为 {2}）；请拆成几个有名称的计算值")
    case .fxEmpty:
      ("the formula is empty; write an expression such as 'a + b'",
       "公式是空的；请写一个表达式，如 'a + b'")
    case .fxUnmatchedParen:
      ("unexpected ')'; it has no matching '('",
       "多余的“)”；它没有对应的“(”")
    case .fxExpectedOperatorOrEnd:
      ("expected an operator or the end of the formula, but found {1}",
       "此处应为运算符或公式结束，实际是{1}")
    case .fxEndOfFormula:
      ("the end of the formula",
       "公式结尾")
    case .fxTooDeep:
      ("this formula is nested too deeply (more than {1} levels of parentheses, functions and operators); split it into several named values",
       "公式嵌套太深（括号、函数和运算符超过 {1} 层）；请拆成几个有名称的计算值")
    case .fxChainedComparison:
      ("comparisons cannot be chained; write '{1} and {2} {3} {4}' instead",
       "比较不能连写；请改写为 '{1} and {2} {3} {4}'")
    case .fxPercentAfterNumber:
      ("'%' can only follow a number written directly, as in 30%; to take a percentage of this, multiply it, e.g. (…) * 30%",
       "“%”只能紧跟在直接写出的数后面，如 30%；要取它的百分比，请相乘，如 (…) * 30%")
    case .fxPercentDecimals:
      ("this percentage has too many decimal places; use at most 16 before the %",
       "这个百分数的小数位太多；% 前最多 16 位小数")
    case .fxEndsEarlyAfter:
      ("the formula ends too early; expected a number, a name or '(' after '{1}'",
       "公式提前结束；“{1}”后面应为数、名称或“(”")
    case .fxExpectedValue:
      ("expected a number, a name, text or '(' here, but found {1}",
       "此处应为数、名称、文本或“(”，实际是{1}")
    case .fxParenAfter:
      ("the '(' after {1}",
       "{1}后面的“(”")
    case .fxThisParen:
      ("this '('",
       "这个“(”")
    case .fxNeverClosed:
      ("{1} is never closed; add ')'",
       "{1}没有结束；请加上“)”")
    case .fxOperatorOrParen:
      ("an operator or ')'",
       "运算符或“)”")
    case .fxCommaOrParen:
      ("',' or ')'",
       "“,”或“)”")
    case .fxExpectedHere:
      ("expected {1} here, but found {2}",
       "此处应为{1}，实际是{2}")
    case .fxIfNeedsThenElse:
      ("the formula ends too early; 'if' needs 'then' and 'else', e.g. 'if x > 0 then 1 else 0'",
       "公式提前结束；'if' 需要 'then' 和 'else'，如 'if x > 0 then 1 else 0'")
    case .fxExpectedThen:
      ("expected 'then' after the condition of 'if', but found {1}",
       "'if' 的条件后面应为 'then'，实际是{1}")
    case .fxExpectedElse:
      ("expected 'else' here, but found {1}; every 'if' needs an 'else' part, e.g. 'if x > 0 then 1 else 0'",
       "此处应为 'else'，实际是{1}；每个 'if' 都需要 'else' 部分，如 'if x > 0 then 1 else 0'")
    // MARK: FormulaChecker
    case .fxTypeNumber:
      ("a number",
       "数")
    case .fxHintCountCondition:
      ("to count a condition as 1 or 0, write 'if … then 1 else 0'",
       "要把条件计为 1 或 0，请写 'if … then 1 else 0'")
    case .fxHintGiveNumber:
      ("use a formula that gives a number",
       "请使用得出数的公式")
    case .fxHintCompare:
      ("compare it to get true/false, e.g. '… >= 60'",
       "请用比较得出 true/false，如 '… >= 60'")
    case .fxHintCompareChoice:
      ("compare it with one of its choices using '='",
       "请用“=”与它的某个选项比较")
    case .fxHintGiveText:
      ("give text in quotes, e.g. 'if … then '优秀' else '合格''",
       "请给出引号中的文本，如 'if … then '优秀' else '合格''")
    case .fxExpectedType:
      ("expected {1} here, but this formula gives {2}; {3}",
       "此处应为{1}，但这个公式得出的是{2}；{3}")
    case .fxNeedsNumberNotBool:
      ("{1} needs a number here, but this is true/false; to count a condition as 1 or 0, write 'if … then 1 else 0'",
       "{1}此处需要数，但这是 true/false；要把条件计为 1 或 0，请写 'if … then 1 else 0'")
    case .fxNeedsNumberNotText:
      ("{1} needs a number here, but this is text; text can only be compared with '=' or '!='",
       "{1}此处需要数，但这是文本；文本只能用“=”或“!=”比较")
    case .fxNeedsBoolNotNumber:
      ("{1} needs true/false here, but this is a number; compare it to get true/false, e.g. '… > 0'",
       "{1}此处需要 true/false，但这是数；请用比较得出 true/false，如 '… > 0'")
    case .fxNeedsBoolNotText:
      ("{1} needs true/false here, but this is text; compare it with one of its choices using '='",
       "{1}此处需要 true/false，但这是文本；请用“=”与它的某个选项比较")
    case .fxConditionOfIf:
      ("the condition of 'if'",
       "'if' 的条件")
    case .fxUnknownNameDidYouMean:
      ("unknown name '{1}'; did you mean '{2}'?",
       "未知的名称“{1}”；是不是“{2}”？")
    case .fxUnknownNameIsChoice:
      ("unknown name '{1}'; to compare with the choice {2} of {3}, put it in quotes: '{4}'",
       "未知的名称“{1}”；要与 {3} 的选项 {2} 比较，请加上引号：'{4}'")
    case .fxNoNamesHere:
      ("unknown name '{1}'; no names can be used here",
       "未知的名称“{1}”；此处不能使用任何名称")
    case .fxUnknownName:
      ("unknown name '{1}'; the names you can use here are {2}",
       "未知的名称“{1}”；此处可以使用的名称有 {2}")
    case .fxCannotCompare:
      ("cannot compare {1} with {2}; both sides of '{3}' must be the same kind of value",
       "不能把{1}与{2}比较；“{3}”两边须是同一类值")
    case .fxComparesNumbersOnly:
      ("'{1}' compares numbers only, but these are {2}; use '=' or '!=' to compare {3}",
       "“{1}”只能比较数，而这里是{2}；比较{3}请用“=”或“!=”")
    case .fxNoChoicesCannotCompare:
      ("{1} has no list of choices, so it cannot be compared with other text; add the choices to its definition",
       "{1} 没有选项列表，所以不能与其他文本比较；请在其定义中加上选项")
    case .fxLiteralNoChoices:
      ("'{1}' cannot be compared with {2}, which has no list of choices; add the choices to its definition",
       "“{1}”不能与没有选项列表的 {2} 比较；请在其定义中加上选项")
    case .fxBranchesDiffer:
      ("every branch of {1} must give the same kind of value, but the first gives {2} and this one gives {3}",
       "{1}的每个分支须得出同一类值，但第一个分支得出{2}，这个分支得出{3}")
    case .fxNoChoicesAsValue:
      ("{1} has no list of choices, so {2} cannot give it as a value; add the choices to its definition",
       "{1} 没有选项列表，所以{2}不能把它作为值；请在其定义中加上选项")
    case .fxResultOf:
      ("the result of {1}",
       "{1}的结果")
    case .fxTypeBoolean:
      ("true/false",
       "true/false（是非值）")
    case .fxTypeText:
      ("text",
       "文本")
    case .fxNotAChoice:
      ("'{1}' is not a choice of {2}; the choices are {3}",
       "“{1}”不是 {2} 的选项；选项为 {3}")
    case .listAndMore:
      ("{1} and {2} more",
       "{1} 等（另有 {2} 个）")
    // MARK: FormulaFunctions
    case .fxUsageAbs:
      ("ABS(number)",
       "ABS(数)")
    case .fxUsageNot:
      ("NOT(condition)",
       "NOT(条件)")
    case .fxUsageRound:
      ("{1}(number, places)",
       "{1}(数, 小数位数)")
    case .fxUsageClamp:
      ("CLAMP(number, lowest, highest)",
       "CLAMP(数, 最低值, 最高值)")
    case .fxUsageIf:
      ("IF(condition, value if true, value if false)",
       "IF(条件, 条件成立时的值, 不成立时的值)")
    case .fxUsageConditions:
      ("{1}(condition, …)",
       "{1}(条件, …)")
    case .fxUsageNumbers:
      ("{1}(number, …)",
       "{1}(数, …)")
    case .fxUsageLarge:
      ("LARGE(k, number, …), the k-th largest",
       "LARGE(k, 数, …)，第 k 大的值")
    case .fxUsageSmall:
      ("SMALL(k, number, …), the k-th smallest",
       "SMALL(k, 数, …)，第 k 小的值")
    case .fxArity:
      ("{1} takes {2} argument{3}, but {4} given; write it as {5}",
       "{1} 有 {2} 个参数，但给出了 {4}{3}；请写作 {5}")
    case .pluralS:
      ("s",
       "")
    case .oneWasGiven:
      ("1 was",
       "1 个")
    case .manyWereGiven:
      ("{1} were",
       "{1} 个")
    case .fxNeedsOneArgument:
      ("{1} needs at least 1 argument; write it as {2}",
       "{1} 至少需要 1 个参数；请写作 {2}")
    case .fxNeedsKAndNumber:
      ("{1} needs k and at least 1 number; write it as {2}",
       "{1} 需要 k 和至少 1 个数；请写作 {2}")
    case .fxTooManyArguments:
      ("{1} takes at most {2} arguments, but {3} were given; split it, e.g. {4}({5}(…), {6}(…))",
       "{1} 最多有 {2} 个参数，但给出了 {3} 个；请拆开，如 {4}({5}(…), {6}(…))")
    case .fxConditionOfIF:
      ("the condition of IF",
       "IF 的条件")
    case .fxBadK:
      ("{1}'s k is {2}, but it must be a whole number from 1 to {3} (the number of values after it); write it as {4}",
       "{1} 的 k 为 {2}，但它须为 1 到 {3}（其后的值的个数）之间的整数；请写作 {4}")
    case .fxPlacesArgument:
      ("{1} needs the number of decimal places as a whole number from 0 to 18 written directly, e.g. {2}(x, 2)",
       "{1} 需要直接写出的小数位数，须为 0 到 18 之间的整数，如 {2}(x, 2)")
    case .fxClampOrder:
      ("CLAMP's lowest value {1} is greater than its highest value {2}; swap them",
       "CLAMP 的最低值 {1} 大于其最高值 {2}；请对调")
    case .fxHostArity:
      ("{1} takes {2} argument{3}, but {4} given; it is declared as {5}",
       "{1} 有 {2} 个参数，但给出了 {4}{3}；其声明为 {5}")
    case .fxNameNotFunction:
      ("'{1}' is a name, not a function; put an operator between it and '(', e.g. {2} * (…)",
       "“{1}”是名称，不是函数；请在它与“(”之间加运算符，如 {2} * (…)")
    case .fxUnknownFunctionDidYouMean:
      ("unknown function '{1}'; did you mean '{2}'?",
       "未知的函数“{1}”；是不是“{2}”？")
    case .fxUnknownFunction:
      ("unknown function '{1}'; the functions are {2}",
       "未知的函数“{1}”；可用的函数有 {2}")
    case .fxCouldNotCheck:
      ("this formula could not be checked; please report it as a bug in PartyBuildingKit",
       "该公式未能检查；请作为 PartyBuildingKit 的缺陷报告")
    // MARK: FormulaBounds
    case .fxResultTooManyPlaces:
      ("the exact result of '{1}' can need up to {2} decimal places, more than the 18 a value holds",
       "“{1}”的精确结果可能需要多达 {2} 位小数，超过一个值能保存的 18 位")
    case .fxQuotientOf:
      ("the result of '{1}' (a quotient has 12 decimal places)",
       "“{1}”的结果（商有 12 位小数）")
    case .fxExactResultOf:
      ("the exact result of '{1}'",
       "“{1}”的精确结果")
    case .fxReachTooManyDigits:
      ("{1} can reach {2} with up to {3} decimal places: {4} digits, more than the 19 a value holds",
       "{1}可达 {2}，带多达 {3} 位小数：共 {4} 位数字，超过一个值能保存的 19 位")
    case .fxReachTooLarge:
      ("{1} can reach {2} with up to {3} decimal places: {4} digits, beyond 9223372036854775807, the most a value holds",
       "{1}可达 {2}，带多达 {3} 位小数：共 {4} 位数字，超出一个值能保存的最大值 9223372036854775807")
    case .fxMayFail:
      ("{1}; some allowed inputs would make it fail. Round an operand first with ROUND(…) where the document rounds, narrow the inputs' 'min' and 'max', or declare their 'places' (a number input without 'places' counts as having {2})",
       "{1}；某些允许的输入会使它计算失败。请在文件规定舍入之处先用 ROUND(…) 对运算数舍入，收窄输入项的“min”和“max”，或声明其“places”（没有“places”的数字输入项按 {2} 位计）")
    // MARK: Formula run failures
    case .fxRunProductInexact:
      ("the exact result of '{1}' needs more than 18 decimal places (or 19 digits), so it cannot be held exactly; round an operand first where the document rounds, e.g. {2}",
       "“{1}”的精确结果需要超过 18 位小数（或 19 位数字），无法精确保存；请在文件规定舍入之处先对运算数舍入，如 {2}")
    case .fxRunQuotientInexact:
      ("the quotient of '{1}' at 12 decimal places needs more than 19 digits (a quotient that does not end within 12 places must stay below 9223372.04), so it cannot be held exactly; divide smaller numbers, e.g. in 万元 rather than 元",
       "“{1}”保留 12 位小数的商需要超过 19 位数字（12 位内除不尽的商须小于 9223372.04），无法精确保存；请用较小的数相除，如以万元而不是元为单位")
    case .fxRunAverageInexact:
      ("the exact result of '{1}' (its sum, or the sum divided at 12 decimal places) needs more than 19 digits (its whole part and its decimal places together), so it cannot be held exactly; round the values with the most decimal places first where the document rounds, with ROUND(…)",
       "“{1}”的精确结果（其和，或和除以个数后保留 12 位小数）需要超过 19 位数字（整数部分和小数部分合计），无法精确保存；请在文件规定舍入之处先用 ROUND(…) 对小数位最多的值舍入")
    case .fxRunSumInexact:
      ("the exact result of '{1}' needs more than 19 digits (its whole part and its decimal places together), so it cannot be held exactly; round the values with the most decimal places first where the document rounds, with ROUND(…)",
       "“{1}”的精确结果需要超过 19 位数字（整数部分和小数部分合计），无法精确保存；请在文件规定舍入之处先用 ROUND(…) 对小数位最多的值舍入")
    case .fxRunInexactRoundParts:
      ("the exact result of '{1}' needs more than 19 digits (its whole part and its decimal places together), so it cannot be held exactly; round what it is made of first where the document rounds, with ROUND(…)",
       "“{1}”的精确结果需要超过 19 位数字（整数部分和小数部分合计），无法精确保存；请在文件规定舍入之处先用 ROUND(…) 对其组成部分舍入")
    case .fxRunInexactRoundOperand:
      ("the exact result of '{1}' needs more than 19 digits (its whole part and its decimal places together), so it cannot be held exactly; round the operand with the most decimal places first where the document rounds, e.g. {2}",
       "“{1}”的精确结果需要超过 19 位数字（整数部分和小数部分合计），无法精确保存；请在文件规定舍入之处先对小数位最多的运算数舍入，如 {2}")
    case .fxRunDivisionByZeroDivisor:
      ("division by zero in '{1}'; the divisor '{2}' is 0 — guard it, e.g. 'if {3} = 0 then 0 else {4}'",
       "“{1}”中除数为零；除数“{2}”为 0——请加以防护，如 'if {3} = 0 then 0 else {4}'")
    case .fxRunDivisionByZero:
      ("division by zero in '{1}'",
       "“{1}”中除数为零")
    case .fxRunOverflow:
      ("overflow in '{1}': the result is too large to hold exactly; check the inputs",
       "“{1}”溢出：结果太大，无法精确保存；请检查输入")
    case .fxRunBadLargeK:
      ("invalid argument in '{1}': which largest value to take must be a whole number from 1 to the number of values after it; check the value of its first argument",
       "“{1}”的参数无效：取第几大的值须为 1 到其后值的个数之间的整数；请检查第一个参数的值")
    case .fxRunBadSmallK:
      ("invalid argument in '{1}': which smallest value to take must be a whole number from 1 to the number of values after it; check the value of its first argument",
       "“{1}”的参数无效：取第几小的值须为 1 到其后值的个数之间的整数；请检查第一个参数的值")
    case .fxRunClampOrder:
      ("invalid argument in '{1}': the lowest value is greater than the highest; check the inputs or swap them",
       "“{1}”的参数无效：最低值大于最高值；请检查输入或对调")
    case .fxRunHostNoValue:
      ("the host function in '{1}' gave no value (it failed, or is not provided)",
       "“{1}”中的宿主函数没有返回值（调用失败，或未提供）")
    case .hostCallFailed:
      ("failed: {1}",
       "调用失败：{1}")
    case .hostNotProvided:
      ("is not provided: the pack was loaded without its host's functions",
       "未提供：规则包载入时没有带上宿主的函数")
    case .hostCallFailure:
      ("the host function {1}({2}) {3}",
       "宿主函数 {1}({2}) {3}")
    case .hostTestNoValue:
      ("is called, but the test case gives no value for it; add \"functions\": {\"{1}\": …}",
       "被调用了，但测试用例没有给出它的值；请加上 \"functions\": {\"{1}\": …}")
    case .hostTestArgumentsNotListed:
      ("is called with ({1}), which the test case's \"functions\" do not list; add {\"arguments\": [{2}], \"result\": …}",
       "以 ({1}) 调用，而测试用例的 \"functions\" 中没有这组参数；请加上 {\"arguments\": [{2}], \"result\": …}")
    case .arithmeticOverflow:
      ("a number grew too large to hold exactly",
       "有一个数大到无法精确保存")
    case .arithmeticDivisionByZero:
      ("division by zero",
       "除数为零")
    case .arithmeticInexact:
      ("an exact result needed more than 18 decimal places (or 19 digits) to hold; round the values it is made of where the document rounds (ROUND(…), or a 'precision')",
       "精确结果需要超过 18 位小数（或 19 位数字）才能保存；请在文件规定舍入之处对其组成部分舍入（ROUND(…) 或“precision”）")
    // MARK: Output files
    case .noSpaceLeft:
      ("no space left on the device",
       "设备上没有剩余空间")
    case .closedPipe:
      ("the reader of the output has gone (a closed pipe)",
       "读取输出的程序已经退出（管道已关闭）")
    case .noSuchFolder:
      ("no such folder",
       "没有这个文件夹")
    case .writtenAfterClose:
      ("written after the file was closed",
       "在文件关闭后写入")
    case .nothingWritten:
      ("nothing could be written",
       "什么也没能写入")
    case .nounTheOutput:
      ("the output",
       "输出")
    case .nounTheRecord:
      ("the record",
       "运行记录")
    case .outputIsInput:
      ("{1} '{2}' is the input file; writing it would destroy the data before it is read. Write to another file",
       "{1}“{2}”是输入文件；写入它会在读取之前毁掉数据。请写到另一个文件")
    case .outputIsFolder:
      ("{1} '{2}' is a folder; give a file name such as {3}/{4}",
       "{1}“{2}”是文件夹；请给出文件名，如 {3}/{4}")
    case .cannotWriteNotWritten:
      ("cannot write '{1}': {2}; {3} was not written",
       "无法写入“{1}”：{2}；{3}没有写成")
    // MARK: PackCoverage
    case .coverageRules:
      ("rules",
       "细则")
    case .coverageVetoes:
      ("vetoes",
       "一票否决")
    case .coverageBands:
      ("bands",
       "等次")
    case .coverageStarLevels:
      ("star levels",
       "星级")
    case .coverageStarItems:
      ("star items",
       "星级条件")
    case .coverageConsequences:
      ("consequences",
       "结果运用")
    case .coverageCohortLabels:
      ("cohort labels",
       "排名标注")
    case .coverageQuotas:
      ("quotas",
       "名额")
    case .coverageChecks:
      ("checks",
       "数据核对")
    case .coverageClassComponents:
      ("class components",
       "限定适用对象的分项")
    case .coverageCheck:
      ("check",
       "数据核对")
    case .coverageNeverRejected:
      ("never rejected a case",
       "从未拒绝任何用例")
    case .coverageNeverScored:
      ("never scored",
       "从未计分")
    case .coverageNeverScoredOutsideClass:
      ("never scored (its class never held)",
       "从未计分（从未有对象属于其适用对象）")
    case .coverageCount:
      ("{1} {2}/{3}",
       "{1} {2}/{3}")
    case .coverageConditions:
      ("conditions {1}/{2} both ways",
       "条件 {1}/{2}（成立与不成立都测到）")
    case .coverageNothing:
      ("nothing to cover",
       "没有可覆盖的内容")
    case .coverageSummary:
      ("{1} — {2}",
       "{1}——{2}")
    case .coverageItemGap:
      ("{1} {2}",
       "{1}{2}")
    case .coverageConditionGap:
      ("{1} of {2} {3}",
       "{2}的{1}{3}")
    case .coverageNeverFalse:
      ("never seen false",
       "从未见到不成立")
    case .coverageNeverTrue:
      ("never seen true",
       "从未见到成立")
    case .coverageNeverChecked:
      ("never checked",
       "从未判断过")
    case .coverageCondition:
      ("condition",
       "条件")
    case .coverageConditionKey:
      ("condition '{1}'",
       "条件“{1}”")
    case .coverageNamed:
      ("{1} '{2}'",
       "{1}“{2}”")
    case .coverageNamedLabel:
      ("{1} '{2}' ({3})",
       "{1}“{2}”（{3}）")
    case .coverageStarLevel:
      ("star level '{1}'",
       "星级“{1}”")
    case .coverageQuota:
      ("quota '{1}'",
       "名额“{1}”")
    case .coverageNeverFired:
      ("never fired",
       "从未触发")
    case .coverageNeverGiven:
      ("never given",
       "从未给出")
    case .coverageNeverEarned:
      ("never earned",
       "从未达到")
    case .coverageNeverFollowed:
      ("never followed",
       "从未发生")
    case .coverageNeverMoved:
      ("never moved a subject",
       "从未使对象变动")
    case .coverageNeverDiffered:
      ("never differed from its guide",
       "人数从未与指导值不同")
    case .helpOverview, .helpValidate, .helpTest, .helpEvaluate, .helpExplain, .helpReport, .helpRender, .helpDiff:
      helpTemplates(key)!
    }
  }
}
